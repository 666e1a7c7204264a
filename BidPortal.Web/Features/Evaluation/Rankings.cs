using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A project's ranking (steps 7–8): criteria, valid proposals, submitted score sheets and declared
/// conflicts go into <see cref="ProjectRanking.Compute"/>. One loader for every reader of the ranking.
/// </summary>
public sealed class Rankings(IDbContextFactory<BidPortalDbContext> contexts)
{
    public async Task<ProjectRankingView> ForProjectAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanSeeRanking(actor, project));
        var lines = await ComputeAsync(db, projectId, ct);
        var ids = lines.Select(l => l.ProposalId).ToList();
        var institutionOf = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.InstitutionId, ct);
        var institutionIds = institutionOf.Values.ToList();
        var culture = Language.Reader;
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        return new ProjectRankingView(project.Id, project.Code, project.TitleIn(culture),
            [.. lines.Select(l => new RankingRow(l.ProposalId, institutionOf[l.ProposalId], names[institutionOf[l.ProposalId]],
                l.Rank, l.Score, l.Price, l.PriceScore, l.AbnormallyLowPrice, l.NeedsOutlierReason))]);
    }

    /// <summary>
    /// The ranking's figures from what is stored. Takes the caller's context: the service reads
    /// through a fresh one, the seeder through its own while it replays a campaign.
    /// </summary>
    internal static async Task<IReadOnlyList<RankingLine>> ComputeAsync(BidPortalDbContext db, int projectId, CancellationToken ct = default)
    {
        var criteria = await db.Criteria.Where(c => c.TenderProjectId == projectId).ToListAsync(ct);
        var valid = (await db.Proposals.Include(p => p.Versions)
                // The current round only: a re-tendered project's earlier bids are on record, not in its ranking.
                .Where(p => p.TenderProjectId == projectId && p.Status == ProposalStatus.Valid
                    && db.Projects.Any(x => x.Id == projectId && x.Round == p.Round)).ToListAsync(ct))
            .Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))
            .ToList();
        var ids = valid.Select(p => p.ProposalId).ToList();
        var sheets = (await db.ScoreSheets.Include(s => s.Items)
                .Where(s => s.Status == ScoreSheetStatus.Submitted && ids.Contains(s.ProposalId)).ToListAsync(ct))
            .Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points), s.OutlierReason))
            .ToList();
        var conflicts = (await db.Set<ConflictDeclaration>()
                .Where(c => db.PanelMembers.Any(m => m.Id == c.PanelMemberId && m.TenderProjectId == projectId))
                .Select(c => new { c.PanelMemberId, c.ProposalId }).ToListAsync(ct))
            .Select(c => (c.PanelMemberId, c.ProposalId)).ToHashSet();
        return ProjectRanking.Compute(criteria, valid, sheets, conflicts);
    }
}
