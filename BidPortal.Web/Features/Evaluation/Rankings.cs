using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A project's ranking (steps 7–8): criteria, valid proposals, submitted score sheets and declared
/// conflicts go into <see cref="ProjectRanking.Compute"/>. One loader for every reader of the ranking —
/// the organizer's page, the exports, the sponsor's shortlist and its PDF — so they cannot disagree.
/// </summary>
public sealed class Rankings(IDbContextFactory<BidPortalDbContext> contexts)
{
    public async Task<ProjectRankingView> ForProjectAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await ProjectAsync(db, projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanSeeRanking(actor, project));
        return await ViewAsync(db, project, Language.Reader, ct);
    }

    /// <summary>The project with what the ranking view reads of it (criteria, panel, shortlist and objections), untracked; null when there is none.</summary>
    internal static Task<TenderProject?> ProjectAsync(BidPortalDbContext db, int projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Include(p => p.Criteria).Include(p => p.Panel).Include(p => p.Shortlist).Include(p => p.Objections)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct);

    /// <summary>
    /// The ranking of <paramref name="project"/> (loaded by <see cref="ProjectAsync"/>) with names in
    /// <paramref name="culture"/>, for a reader the caller has already let in: the organizer's page, the
    /// sponsor's shortlist, and the shortlist mail's PDF made at sending time in its recipient's language.
    /// </summary>
    internal static async Task<ProjectRankingView> ViewAsync(BidPortalDbContext db, TenderProject project, System.Globalization.CultureInfo culture,
        CancellationToken ct)
    {
        var projectId = project.Id;
        var criteria = project.OrderedCriteria;
        var valid = await ValidProposalsAsync(db, project, ct);
        var lines = valid.Count == 0 ? [] : await ComputeAsync(db, projectId, ct);
        var institutionIds = valid.Select(p => p.InstitutionId).Distinct().ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var byId = valid.ToDictionary(p => p.Id);
        var shortlisted = project.Shortlist.Select(s => s.ProposalId).ToHashSet();
        var rows = lines.Select(l =>
        {
            var proposal = byId[l.ProposalId];
            return new RankingRow(l.ProposalId, proposal.InstitutionId, names[proposal.InstitutionId], l.Rank, l.Score, l.Price,
                l.PriceScore, l.ReceivedAt, proposal.Current.ReceiptNumber,
                [.. criteria.Select(c => l.CriterionAverages.GetValueOrDefault(c.Id))], l.Spread, l.Evaluators.Count,
                l.AbnormallyLowPrice, l.HasOutlier, l.NeedsOutlierReason, shortlisted.Contains(l.ProposalId));
        }).ToList();
        var ranked = lines.Select(l => l.ProposalId).ToHashSet();
        var unscored = valid.Where(p => !ranked.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => new UnscoredRow(p.Id, names[p.InstitutionId], p.Current.Price)).ToList();
        return new ProjectRankingView(project.Id, project.Code, project.TitleIn(culture), project.Status,
            [.. criteria.Select(c => new CriterionColumn(c.Id, c.NameIn(culture), c.MaxPoints, c.IsPrice))],
            rows, unscored, project.Panel.Count, valid.Count == 0 ? 0 : await MissingSheetsAsync(db, projectId, ct),
            project.FinalisedAt, project.ShortlistPublishedAt, project.ShortlistSize);
    }

    /// <summary>The current round's valid proposals with their versions: a re-tendered project's earlier bids are on record, not in its ranking.</summary>
    internal static async Task<List<Proposal>> ValidProposalsAsync(BidPortalDbContext db, TenderProject project, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().Include(p => p.Versions)
            .Where(p => p.TenderProjectId == project.Id && p.Round == project.Round && p.Status == ProposalStatus.Valid)
            .ToListAsync(ct);

    /// <summary>
    /// The ranking's figures from what is stored. Takes the caller's context: the service reads
    /// through a fresh one, the seeder through its own while it replays a campaign, and a write
    /// (finalising, publishing) through the one it saves with.
    /// </summary>
    internal static async Task<IReadOnlyList<RankingLine>> ComputeAsync(BidPortalDbContext db, int projectId, CancellationToken ct = default)
    {
        var criteria = await db.Criteria.Where(c => c.TenderProjectId == projectId).ToListAsync(ct);
        var valid = (await db.Proposals.Include(p => p.Versions)
                .Where(p => p.TenderProjectId == projectId && p.Status == ProposalStatus.Valid
                    && db.Projects.Any(x => x.Id == projectId && x.Round == p.Round)).ToListAsync(ct))
            .Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))
            .ToList();
        var ids = valid.Select(p => p.ProposalId).ToList();
        var sheets = (await db.ScoreSheets.Include(s => s.Items)
                .Where(s => s.Status == ScoreSheetStatus.Submitted && ids.Contains(s.ProposalId)).ToListAsync(ct))
            .Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points ?? 0), s.OutlierReason))
            .ToList();
        return ProjectRanking.Compute(criteria, valid, sheets, await ConflictsAsync(db, projectId, ct));
    }

    /// <summary>Sheets the panel still owes before the scores can be locked (<see cref="ProjectRanking.MissingSheets"/>).</summary>
    internal static async Task<int> MissingSheetsAsync(BidPortalDbContext db, int projectId, CancellationToken ct = default)
    {
        var ids = await db.Proposals
            .Where(p => p.TenderProjectId == projectId && p.Status == ProposalStatus.Valid && db.Projects.Any(x => x.Id == projectId && x.Round == p.Round))
            .Select(p => p.Id).ToListAsync(ct);
        var members = await db.PanelMembers.Where(m => m.TenderProjectId == projectId).Select(m => m.Id).ToListAsync(ct);
        var submitted = (await db.ScoreSheets.Where(s => s.Status == ScoreSheetStatus.Submitted && ids.Contains(s.ProposalId))
            .Select(s => new { s.PanelMemberId, s.ProposalId }).ToListAsync(ct)).Select(s => (s.PanelMemberId, s.ProposalId)).ToHashSet();
        return ProjectRanking.MissingSheets(ids, members, submitted, await ConflictsAsync(db, projectId, ct));
    }

    private static async Task<HashSet<(int PanelMemberId, int ProposalId)>> ConflictsAsync(BidPortalDbContext db, int projectId, CancellationToken ct) =>
        (await db.Set<ConflictDeclaration>()
            .Where(c => db.PanelMembers.Any(m => m.Id == c.PanelMemberId && m.TenderProjectId == projectId))
            .Select(c => new { c.PanelMemberId, c.ProposalId }).ToListAsync(ct))
        .Select(c => (c.PanelMemberId, c.ProposalId)).ToHashSet();
}
