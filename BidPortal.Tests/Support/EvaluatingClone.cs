using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Support;

/// <summary>
/// A fresh project under evaluation made like the demo's C-04 — its courses, rubric, and the first bids with
/// their real sealed files — for browser tests, which share one database: scoring, finalising or publishing it
/// leaves C-04 as the demo has it for every other test. Published and opened in the past through the domain,
/// as the seeder does; its panel is the evaluators named, none of them declared.
/// </summary>
public static class EvaluatingClone
{
    public static async Task<(int ProjectId, IReadOnlyList<int> ProposalIds)> CreateAsync(PortalFactory factory, IReadOnlyCollection<string> panel, int bids = 3)
    {
        await using var db = factory.CreateDbContext();
        var model = await db.Projects.Include(p => p.Sources).ThenInclude(f => f.SponsorUnit)
            .SingleAsync(p => p.Code == "C-04" && p.Round == 1 && p.Sources.Any());
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == model.CampaignId);
        var now = DateTimeOffset.UtcNow;
        var past = new FakeTimeProvider(now.AddDays(-20));
        var filings = model.Sources.Select(f => new Filing(campaign, f.SponsorUnit!, new FilingDetails(f.Title, f.Theme, f.TargetTrainees,
            f.Headcount, f.Days, f.PlannedStart, f.PlannedEnd, f.Place, f.Budget, f.Objectives, f.IsCrossUnit, f.IsMajorTopic), past)).ToList();
        foreach (var filing in filings)
        {
            filing.Submit(past);
            filing.Approve(intoSpecialPlan: true, past);
        }
        db.Filings.AddRange(filings);
        var models = await db.Proposals.Include(p => p.Versions)
            .Where(p => p.TenderProjectId == model.Id && p.Status == ProposalStatus.Valid).OrderBy(p => p.Id).Take(bids).ToListAsync();
        var institutionIds = models.Select(p => p.InstitutionId).ToList();
        var institutions = await db.Institutions.Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        var code = "E-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var project = TenderProject.Consolidate(campaign, code, model.Title, model.TitleEn, model.Description, model.Theme, model.Tags, filings,
            model.Headcount, model.BudgetCeiling);
        db.Projects.Add(project);
        foreach (var m in models) project.Invite(institutions[m.InstitutionId], InvitationBasis.AddedByOrganizer, "测试：与 C-04 相同的投标机构");
        project.Publish(now.AddDays(-1), past);
        foreach (var invitation in project.Invitations) invitation.MarkSent(past);
        await db.SaveChangesAsync();

        var proposals = new List<Proposal>();
        foreach (var (m, index) in models.Select((m, i) => (m, i)))
        {
            past.SetUtcNow(now.AddDays(-5).AddMinutes(index));
            var v = m.Current;
            var upload = new ProposalUpload(v.FileName, v.Size, v.Sha256, v.StorageKey, v.Price, v.Days, v.Faculty, v.CourseOutline, v.Trainees, v.WrappedKey);
            var invitation = project.Invitations.Single(i => i.InstitutionId == m.InstitutionId);
            proposals.Add(Proposal.Submit(project, invitation, upload, $"TB{campaign.Year}-{code}-{institutions[m.InstitutionId].Code}", past));
        }
        db.Proposals.AddRange(proposals);
        await db.SaveChangesAsync();
        foreach (var p in proposals) p.MarkOpened(true);
        project.Open(proposals.Count, TimeProvider.System);
        foreach (var userName in panel)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            project.AddPanelMember(user.Id, string.IsNullOrEmpty(user.DisplayName) ? userName : user.DisplayName);
        }
        project.StartEvaluation();
        await db.SaveChangesAsync();
        return (project.Id, [.. proposals.Select(p => p.Id)]);
    }
}
