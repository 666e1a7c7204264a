using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>The organizer's dashboard: each campaign's funnel, money and compliance, its projects' results, the current projects and the overdue documents.</summary>
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
            columns.Add(new CampaignColumn(c.Id, c.Year, c.NameIn(culture), c.Status, c.IsIllustrative, await FunnelAsync(db, c.Id, ct),
                await ComplianceAsync(db, c, c.LocalDate(clock.GetUtcNow()), ct)));
        return columns;
    }

    /// <summary>
    /// The campaign's consolidated projects by code with their proposals, winner and money: the dashboard's
    /// proposals-per-project chart and the summary PDF's list.
    /// </summary>
    public async Task<IReadOnlyList<ProjectResultRow>> ResultsAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        return await ResultsAsync(db, campaign, Language.Reader, campaign.LocalDate(clock.GetUtcNow()), ct);
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

    internal static async Task<IReadOnlyList<ProjectResultRow>> ResultsAsync(BidPortalDbContext db, Campaign campaign, CultureInfo culture,
        DateOnly today, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.CampaignId == campaign.Id).OrderBy(p => p.Code).ToListAsync(ct);
        var proposals = await ProposalCountsAsync(db, campaign.Id, ct);
        var awards = await db.Awards.AsNoTracking()
            .Where(a => db.Projects.Any(p => p.Id == a.TenderProjectId && p.CampaignId == campaign.Id))
            .Join(db.Institutions, a => a.InstitutionId, i => i.Id, (a, i) => new { Award = a, Institution = i })
            .ToListAsync(ct);
        var awardByProject = awards.GroupBy(a => a.Award.TenderProjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Award.DecidedAt).First());
        var records = (await db.ExecutionRecords.AsNoTracking()
                .Where(r => db.Projects.Any(p => p.Id == r.TenderProjectId && p.CampaignId == campaign.Id))
                .ToListAsync(ct))
            .GroupBy(r => r.TenderProjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).First());
        return [.. projects.Select(p =>
        {
            var award = awardByProject.GetValueOrDefault(p.Id);
            var record = records.GetValueOrDefault(p.Id);
            return new ProjectResultRow(p.Id, p.Code, p.TitleIn(culture), p.Status, proposals.GetValueOrDefault(p.Id), p.BudgetCeiling,
                award?.Institution.NameIn(culture), award?.Award.Amount, record?.ActualCost, record?.StageOn(campaign, today));
        })];
    }

    /// <summary>Approved filings with late or missing documents, and awarded projects whose report is overdue, on <paramref name="today"/>.</summary>
    internal static async Task<CampaignCompliance> ComplianceAsync(BidPortalDbContext db, Campaign campaign, DateOnly today, CancellationToken ct)
    {
        var filings = await db.Filings.AsNoTracking().Include(f => f.Documents)
            .Where(f => f.CampaignId == campaign.Id && (f.Status == FilingStatus.Approved || f.Status == FilingStatus.Consolidated))
            .ToListAsync(ct);
        var records = await db.ExecutionRecords.AsNoTracking()
            .Where(r => db.Projects.Any(p => p.Id == r.TenderProjectId && p.CampaignId == campaign.Id))
            .ToListAsync(ct);
        return new CampaignCompliance(
            FilingsNotReimbursable: filings.Count(f => f.NotReimbursableReasons(campaign, today).Count > 0),
            ReportsOverdue: records.Count(r => r.StageOn(campaign, today) == ExecutionStage.ReportOverdue));
    }

    /// <summary>Each consolidated project's proposals, withdrawn ones not counted; a project with none is 0.</summary>
    private static async Task<Dictionary<int, int>> ProposalCountsAsync(BidPortalDbContext db, int campaignId, CancellationToken ct)
    {
        var counts = await db.Proposals
            .Where(p => db.Projects.Any(x => x.Id == p.TenderProjectId && x.CampaignId == campaignId) && p.Status != ProposalStatus.Withdrawn)
            .GroupBy(p => p.TenderProjectId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ids = await db.Projects.Where(p => p.CampaignId == campaignId).Select(p => p.Id).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => counts.GetValueOrDefault(id));
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
        var perProject = await ProposalCountsAsync(db, campaignId, ct);
        var proposals = perProject.Values.Sum();
        var awarded = await db.Awards.CountAsync(a => projects.Any(p => p.Id == a.TenderProjectId), ct);
        // SQLite cannot sum decimals in SQL; a campaign has at most a few hundred awards.
        var completedMoney = (await db.Awards
                .Where(a => projects.Any(p => p.Id == a.TenderProjectId && p.Status == ProjectStatus.Completed))
                .Select(a => a.Amount).ToListAsync(ct))
            .Sum();
        var contracted = (await db.Awards.Where(a => projects.Any(p => p.Id == a.TenderProjectId)).Select(a => a.Amount).ToListAsync(ct)).Sum();
        var budgeted = (await projects.Select(p => p.BudgetCeiling).ToListAsync(ct)).Sum();
        var spent = (await db.ExecutionRecords.Where(r => projects.Any(p => p.Id == r.TenderProjectId) && r.ActualCost != null)
            .Select(r => r.ActualCost!.Value).ToListAsync(ct)).Sum();
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
            CompletedMoney: completedMoney,
            Budgeted: budgeted,
            Contracted: contracted,
            Spent: spent,
            FewestProposals: perProject.Count == 0 ? 0 : perProject.Values.Min(),
            MostProposals: perProject.Count == 0 ? 0 : perProject.Values.Max());
    }
}
