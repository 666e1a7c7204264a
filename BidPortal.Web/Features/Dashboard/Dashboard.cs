using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>The organizer's dashboard: each campaign's funnel, the current projects and the overdue documents.</summary>
public sealed class Dashboard(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock)
{
    /// <summary>Every campaign, newest first, with its funnel.</summary>
    public async Task<IReadOnlyList<CampaignColumn>> CampaignsAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Id).ToListAsync(ct);
        var culture = Language.Reader;
        var columns = new List<CampaignColumn>();
        foreach (var c in campaigns)
            columns.Add(new CampaignColumn(c.Id, c.Year, c.NameIn(culture), c.Status, c.IsIllustrative, await FunnelAsync(db, c.Id, ct)));
        return columns;
    }

    /// <summary>The campaign's projects by code, titles in the reader's language.</summary>
    public async Task<IReadOnlyList<ProjectStatusRow>> ProjectsAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.CampaignId == campaignId).OrderBy(p => p.Code).ToListAsync(ct);
        var invited = await db.Invitations.Where(Invitation.Invited)
            .Where(i => db.Projects.Any(p => p.Id == i.TenderProjectId && p.CampaignId == campaignId))
            .GroupBy(i => i.TenderProjectId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var (culture, now) = (Language.Reader, clock.GetUtcNow());
        return [.. projects.Select(p => new ProjectStatusRow(p.Id, p.Code, p.TitleIn(culture), p.Status, p.AwaitsOpening(now), p.Deadline,
            invited.GetValueOrDefault(p.Id), p.BudgetCeiling))];
    }

    /// <summary>Approved or consolidated filings whose documents are late or missing (step 1's reimbursement rule).</summary>
    public async Task<IReadOnlyList<OverdueFiling>> OverdueAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        var today = campaign.LocalDate(clock.GetUtcNow());
        var filings = await db.Filings.AsNoTracking().Include(f => f.Documents).Include(f => f.SponsorUnit)
            .Where(f => f.CampaignId == campaignId && (f.Status == FilingStatus.Approved || f.Status == FilingStatus.Consolidated))
            .OrderBy(f => f.Id)
            .ToListAsync(ct);
        var culture = Language.Reader;
        return [.. filings.Select(f => new OverdueFiling(f.Id, f.Title, f.SponsorUnit!.NameIn(culture), f.ReimbursementProblems(campaign, today)))
            .Where(x => x.Problems.Count > 0)];
    }

    internal static async Task<CampaignFunnel> FunnelAsync(BidPortalDbContext db, int campaignId, CancellationToken ct)
    {
        var filings = await db.Filings.Where(f => f.CampaignId == campaignId && f.Status != FilingStatus.Draft)
            .GroupBy(f => f.SponsorUnit!.Kind != UnitKind.MunicipalDepartment)
            .Select(g => new { County = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var inPlan = await db.Filings.Where(f => f.CampaignId == campaignId).Where(Filing.IsInPlan)
            .CountAsync(f => f.SponsorUnit!.Kind == UnitKind.MunicipalDepartment, ct);
        var projects = db.Projects.Where(p => p.CampaignId == campaignId);
        var invited = await db.Invitations.Where(Invitation.Invited)
            .Where(i => projects.Any(p => p.Id == i.TenderProjectId))
            .Select(i => i.InstitutionId).Distinct().CountAsync(ct);
        var proposals = await db.Proposals
            .CountAsync(p => projects.Any(x => x.Id == p.TenderProjectId) && p.Status != ProposalStatus.Withdrawn, ct);
        var awarded = await db.Awards.CountAsync(a => projects.Any(p => p.Id == a.TenderProjectId), ct);
        // SQLite cannot sum decimals in SQL; a campaign has at most a few hundred awards.
        var completedMoney = (await db.Awards
                .Where(a => projects.Any(p => p.Id == a.TenderProjectId && p.Status == ProjectStatus.Completed))
                .Select(a => a.Amount).ToListAsync(ct))
            .Sum();
        return new CampaignFunnel(
            campaignId,
            MunicipalFilings: filings.Where(f => !f.County).Sum(f => f.Count),
            CountyFilings: filings.Where(f => f.County).Sum(f => f.Count),
            InSpecialPlan: inPlan,
            ConsolidatedProjects: await projects.CountAsync(ct),
            InvitedInstitutions: invited,
            Proposals: proposals,
            Awarded: awarded,
            Completed: await projects.CountAsync(p => p.Status == ProjectStatus.Completed, ct),
            CompletedMoney: completedMoney);
    }
}
