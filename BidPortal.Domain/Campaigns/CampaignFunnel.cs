using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Domain.Campaigns;

/// <summary>
/// The campaign's funnel as the dashboard shows it: filed → in plan → consolidated → invited →
/// proposals → awarded → completed, and the money in the completed projects.
/// </summary>
public sealed record CampaignFunnel(
    int CampaignId,
    int MunicipalFilings,
    int CountyFilings,
    int InSpecialPlan,
    int ConsolidatedProjects,
    int InvitedInstitutions,
    int Proposals,
    int Awarded,
    int Completed,
    decimal CompletedMoney)
{
    public double ProposalsPerProject => ConsolidatedProjects == 0 ? 0 : (double)Proposals / ConsolidatedProjects;

    public static async Task<CampaignFunnel> ComputeAsync(BidPortalDbContext db, int campaignId, CancellationToken ct = default)
    {
        var filings = await db.Filings.Where(f => f.CampaignId == campaignId && f.Status != Filings.FilingStatus.Draft)
            .GroupBy(f => new { County = f.SponsorUnit!.Kind != UnitKind.MunicipalDepartment, f.InSpecialPlan })
            .Select(g => new { g.Key.County, g.Key.InSpecialPlan, Count = g.Count() })
            .ToListAsync(ct);
        var projects = db.Projects.Where(p => p.CampaignId == campaignId);
        var invited = await db.Invitations
            .Where(i => projects.Any(p => p.Id == i.TenderProjectId) && i.Status != InvitationStatus.Listed && i.Status != InvitationStatus.Removed)
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
            InSpecialPlan: filings.Where(f => !f.County && f.InSpecialPlan).Sum(f => f.Count),
            ConsolidatedProjects: await projects.CountAsync(ct),
            InvitedInstitutions: invited,
            Proposals: proposals,
            Awarded: awarded,
            Completed: await projects.CountAsync(p => p.Status == ProjectStatus.Completed, ct),
            CompletedMoney: completedMoney);
    }
}
