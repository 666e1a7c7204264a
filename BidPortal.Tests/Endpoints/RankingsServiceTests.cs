using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>The one ranking loader: what the organizer sees is what the scoring rules give for the stored sheets.</summary>
public class RankingsServiceTests(RankingsServiceTests.Fixture fixture) : IClassFixture<RankingsServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private Rankings Service => fixture.Services.GetRequiredService<Rankings>();

    private async Task<TenderProject> ProjectAsync(ProjectStatus status)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Projects.Include(p => p.Shortlist).Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts)
            .Where(p => p.Status == status).OrderBy(p => p.Id).FirstAsync();
    }

    [Fact]
    public async Task ShortlistedProject_RankingEqualsTheScoringRules_AndTheFinalisedShortlist()
    {
        var project = await ProjectAsync(ProjectStatus.Shortlisted);
        IReadOnlyList<RankingLine> expected;
        Dictionary<int, string> institutionNames;
        await using (var db = fixture.CreateDbContext())
        {
            var proposals = await db.Proposals.Include(p => p.Versions).Where(p => p.TenderProjectId == project.Id && p.Status == ProposalStatus.Valid).ToListAsync();
            var ids = proposals.Select(p => p.Id).ToList();
            var sheets = await db.ScoreSheets.Include(s => s.Items).Where(s => ids.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted).ToListAsync();
            expected = ProjectRanking.Compute(project.Criteria,
                [.. proposals.Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))],
                [.. sheets.Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points ?? 0), s.OutlierReason))],
                project.Panel.SelectMany(m => m.Conflicts.Select(c => (m.Id, c.ProposalId))).ToHashSet());
            var institutions = await db.Institutions.ToDictionaryAsync(i => i.Id, i => i.NameEn);
            institutionNames = proposals.ToDictionary(p => p.Id, p => institutions[p.InstitutionId]);
        }

        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var ranking = await Service.ForProjectAsync(Actors.Organizer, project.Id);

        Assert.Equal(expected.Select(l => (l.ProposalId, l.Rank, l.Score, l.Price, l.AbnormallyLowPrice)),
            ranking.Rows.Select(r => (r.ProposalId, r.Rank, r.Score, r.Price, r.AbnormallyLowPrice)));
        Assert.Equal(ranking.Rows.Select(r => institutionNames[r.ProposalId]), ranking.Rows.Select(r => r.Institution));
        // The shortlist fixed at finalising is the head of the same ranking.
        Assert.Equal(project.Shortlist.OrderBy(s => s.Position).Select(s => (s.ProposalId, s.Score)),
            ranking.Rows.Take(project.Shortlist.Count).Select(r => (r.ProposalId, r.Score)));
    }

    [Fact]
    public async Task Ranking_BeforeOpening_OrForAnotherRole_IsRefused()
    {
        var open = await ProjectAsync(ProjectStatus.Open);
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.ForProjectAsync(Actors.Organizer, open.Id))));
        var shortlisted = await ProjectAsync(ProjectStatus.Shortlisted);
        foreach (var role in new[] { "institution", "evaluator" })
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.ForProjectAsync(Actors.Other(role), shortlisted.Id))));
        var otherUnit = Actor.Of("sponsor.other", Roles.Sponsor, sponsorUnitId: shortlisted.LeadSponsorUnitId + 1000);
        await Assert.ThrowsAsync<DomainException>(() => Service.ForProjectAsync(otherUnit, shortlisted.Id));
        var leadUnit = Actor.Of("sponsor.lead", Roles.Sponsor, sponsorUnitId: shortlisted.LeadSponsorUnitId);
        Assert.NotEmpty((await Service.ForProjectAsync(leadUnit, shortlisted.Id)).Rows);
    }

    [Fact]
    public async Task EvaluatorHome_ListsTheEvaluatorsOwnPanels_AndNoOneElses()
    {
        var panels = await fixture.Services.GetRequiredService<Evaluations>().PanelsAsync(Actor.Of("expert01", Roles.Evaluator));
        await using var db = fixture.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == "expert01").Select(u => u.Id).SingleAsync();
        var expected = await db.PanelMembers.Where(m => m.UserId == userId).Select(m => m.TenderProjectId).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), panels.Select(p => p.ProjectId).Order());
        await Assert.ThrowsAsync<DomainException>(() => fixture.Services.GetRequiredService<Evaluations>().PanelsAsync(Actors.Organizer));
    }
}
