using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Consolidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ConsolidationService = BidPortal.Web.Features.Consolidation.Consolidation;

namespace BidPortal.Tests.Endpoints;

/// <summary>Step 2 through its service on the demo database: only the organizer merges or leaves out, and each change names the person.</summary>
public class ConsolidationServiceTests(ConsolidationServiceTests.Fixture fixture) : IClassFixture<ConsolidationServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private ConsolidationService Service => fixture.Services.GetRequiredService<ConsolidationService>();

    /// <summary>Filings the open campaign's finance bureau filed and the organizer approved, fresh for each test.</summary>
    private async Task<List<int>> ApprovedAsync(int count)
    {
        await using var db = fixture.CreateDbContext();
        var view = await Service.LoadAsync(Actors.Organizer);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == view.CampaignId);
        var unit = await db.SponsorUnits.FirstAsync(u => u.System == "finance");
        var filings = Enumerable.Range(0, count).Select(_ => new Filing(campaign, unit, Build.Details(), TimeProvider.System)).ToList();
        foreach (var filing in filings)
        {
            filing.Submit(TimeProvider.System);
            filing.Approve(intoSpecialPlan: true, TimeProvider.System);
        }
        db.Filings.AddRange(filings);
        await db.SaveChangesAsync();
        return [.. filings.Select(f => f.Id)];
    }

    private async Task<(int Projects, int Approved, long Audit)> CountsAsync()
    {
        await using var db = fixture.CreateDbContext();
        return (await db.Projects.CountAsync(), await db.Filings.CountAsync(f => f.Status == FilingStatus.Approved), await db.AuditEntries.CountAsync());
    }

    private static MergeRequest Request(IReadOnlyList<int> ids, string code) =>
        new(ids, code, "财政审计整合培训班", "Finance and audit programme", "", "finance, Audit", 80, 300_000m);

    [Fact]
    public async Task Load_InEnglish_NamesUnitsInEnglish_AndOffersAFreeCode()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var view = await Service.LoadAsync(Actors.Organizer);
        await using var db = fixture.CreateDbContext();
        var units = await db.SponsorUnits.ToListAsync();
        Assert.All(view.Filings, f => Assert.Contains(units, u => u.NameEn == f.Unit));
        Assert.False(await db.Projects.AnyAsync(p => p.CampaignId == view.CampaignId && p.Code == view.NextCode));
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task MergeAndLeaveOut_ByAnyoneButTheOrganizer_AreRefused_AndChangeNothing(string role)
    {
        var ids = await ApprovedAsync(2);
        var before = await CountsAsync();
        var merge = await Assert.ThrowsAsync<DomainException>(() => Service.MergeAsync(Actors.Other(role), Request(ids, "Z-90")));
        var exclude = await Assert.ThrowsAsync<DomainException>(() =>
            Service.ExcludeAsync(Actors.Other(role), ids, ExclusionKind.TooSmall, "not enough trainees"));
        Assert.True(AccessPolicy.IsDenied(merge) && AccessPolicy.IsDenied(exclude));
        Assert.Equal(before, await CountsAsync());
        await Assert.ThrowsAsync<DomainException>(() => Service.LoadAsync(Actors.Other(role)));
    }

    [Fact]
    public async Task Merge_ByTheOrganizer_MakesTheProject_ListsInvitationsByTheRule_AndTheAuditNamesThePerson()
    {
        var ids = await ApprovedAsync(2);
        var projectId = await Service.MergeAsync(Actors.Organizer, Request(ids, "Z-01"));

        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Invitations).SingleAsync(p => p.Id == projectId);
        Assert.Equal(["audit", "finance"], project.Tags);
        Assert.Equal((80, 300_000m), (project.Headcount, project.BudgetCeiling));
        Assert.All(await db.Filings.Where(f => ids.Contains(f.Id)).ToListAsync(), f => Assert.Equal(FilingStatus.Consolidated, f.Status));
        var routed = InvitationRule.Route(await db.Institutions.ToListAsync(), project.Tags).Where(d => d.Invited).Select(d => d.Institution.Id);
        Assert.Equal(routed.Order(), project.Invitations.Select(i => i.InstitutionId).Order());
        Assert.All(project.Invitations, i => Assert.Equal(InvitationStatus.Listed, i.Status));
        var projectKey = projectId.ToString(CultureInfo.InvariantCulture);
        var created = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(TenderProject) && a.EntityId == projectKey && a.Action == "Created");
        Assert.Equal("organizer", created.Actor);
    }

    [Fact]
    public async Task Merge_WithACodeTheCampaignAlreadyUses_GivesAMessage_AndChangesNothing()
    {
        var ids = await ApprovedAsync(1);
        var before = await CountsAsync();
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.MergeAsync(Actors.Organizer, Request(ids, " C-01 ")));
        Assert.Equal(ConsolidationService.CodeTakenKey, refusal.Key);
        var catalog = fixture.Services.GetRequiredService<TextCatalog>();
        Assert.Contains("C-01", catalog.Format(refusal.Key, new CultureInfo("en"), [.. refusal.Args]));
        Assert.NotEqual(refusal.Key, catalog.Format(refusal.Key, new CultureInfo("en"), [.. refusal.Args]));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task LeaveOut_ByTheOrganizer_ExcludesWithTheReason_AndTheAuditNamesThePerson()
    {
        var ids = await ApprovedAsync(1);
        await Service.ExcludeAsync(Actors.Organizer, ids, ExclusionKind.TooSmall, "only six trainees");

        await using var db = fixture.CreateDbContext();
        var filing = await db.Filings.SingleAsync(f => f.Id == ids[0]);
        Assert.Equal(FilingStatus.Excluded, filing.Status);
        var firstKey = ids[0].ToString(CultureInfo.InvariantCulture);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Sequence)
            .FirstAsync(a => a.EntityType == nameof(Filing) && a.EntityId == firstKey);
        Assert.Equal("organizer", entry.Actor);
    }
}
