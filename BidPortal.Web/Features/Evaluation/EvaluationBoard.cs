using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// The organizer's side of steps 7–8 after the panel is set: who has scored what, and locking,
/// publishing and reopening the ranking. Every write reads the ranking through <see cref="Rankings"/>'
/// one loader, with the context it saves through, so what is locked is what the page showed.
/// </summary>
public sealed class EvaluationBoard(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock,
    Shortlists.ShortlistMail shortlistMail, Notice.NoticeMail noticeMail)
{
    /// <summary>Panel members against the current round's valid proposals: not started, draft, submitted (when) or conflict.</summary>
    public async Task<ProgressView> ProgressAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await ReadableAsync(db, actor, projectId, ct);
        var culture = Language.Reader;
        var valid = (await Rankings.ValidProposalsAsync(db, project, ct)).OrderBy(p => p.Current.ReceivedAt).ThenBy(p => p.Id).ToList();
        var institutionIds = valid.Select(p => p.InstitutionId).Distinct().ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var proposalIds = valid.Select(p => p.Id).ToList();
        var memberIds = project.Panel.Select(m => m.Id).ToList();
        var sheets = (await db.ScoreSheets.AsNoTracking()
                .Where(s => memberIds.Contains(s.PanelMemberId) && proposalIds.Contains(s.ProposalId))
                .Select(s => new { s.PanelMemberId, s.ProposalId, s.Status, s.SubmittedAt }).ToListAsync(ct))
            .ToDictionary(s => (s.PanelMemberId, s.ProposalId));

        var members = project.Panel.OrderBy(m => m.Id).Select(m =>
        {
            var cells = valid.Select(p =>
            {
                if (m.IsConflicted(p.Id)) return new ProgressCell(p.Id, SheetProgress.Conflict, null);
                if (!sheets.TryGetValue((m.Id, p.Id), out var sheet)) return new ProgressCell(p.Id, SheetProgress.NotStarted, null);
                return sheet.Status == ScoreSheetStatus.Submitted
                    ? new ProgressCell(p.Id, SheetProgress.Submitted, sheet.SubmittedAt)
                    : new ProgressCell(p.Id, SheetProgress.Draft, null);
            }).ToList();
            return new ProgressMember(m.Id, m.DisplayName, m.HasDeclared, cells,
                cells.Count(c => c.State == SheetProgress.Submitted), cells.Count(c => c.State != SheetProgress.Conflict));
        }).ToList();

        return new ProgressView(project.Id, project.Status,
            [.. valid.Select(p => new ProgressColumn(p.Id, names[p.InstitutionId]))], members,
            members.Sum(m => m.Submitted), members.Sum(m => m.ToScore),
            valid.Count == 0 ? 0 : await Rankings.MissingSheetsAsync(db, projectId, ct),
            [.. project.Reopenings.OrderByDescending(r => r.ReopenedAt).Select(r => new ReopeningRow(r.ReopenedAt, r.ReopenedBy, r.FromStatus, r.Reason))]);
    }

    /// <summary>Each counted evaluator total behind the ranking, with its reason when far from the panel mean (the organizer's detail of a flag).</summary>
    public async Task<IReadOnlyList<EvaluatorScoreRow>> TotalsAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await ReadableAsync(db, actor, projectId, ct);
        if ((await Rankings.ValidProposalsAsync(db, project, ct)).Count == 0) return [];
        var names = project.Panel.ToDictionary(m => m.Id, m => m.DisplayName);
        var lines = await Rankings.ComputeAsync(db, projectId, ct);
        return [.. lines.SelectMany(l => l.Evaluators.OrderByDescending(e => e.Total).Select(e =>
            new EvaluatorScoreRow(l.ProposalId, e.PanelMemberId, names.GetValueOrDefault(e.PanelMemberId, ""), e.Total, e.IsOutlier, e.OutlierReason)))];
    }

    /// <summary>Locks the scores: every sheet owed is submitted and every far-off total explained (Evaluating → Finalised).</summary>
    public async Task FinaliseAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        if (project.Status != ProjectStatus.Evaluating) throw new DomainException("Project.WrongStatus", project.Status);
        var lines = await Rankings.ComputeAsync(db, projectId, ct);
        var missing = await Rankings.MissingSheetsAsync(db, projectId, ct);
        project.Finalise(missing, lines, clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Publishes the top <paramref name="size"/> of the locked ranking to the sponsor (ties at the cut kept);
    /// without a size, the project's own (3 unless the campaign says otherwise).
    /// </summary>
    public async Task PublishAsync(Actor actor, int projectId, int? size = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await db.Projects.Include(p => p.Shortlist).SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        if (project.Status != ProjectStatus.Finalised) throw new DomainException("Project.WrongStatus", project.Status);
        var lines = await Rankings.ComputeAsync(db, projectId, ct);
        var noticeDays = await db.Campaigns.Where(c => c.Id == project.CampaignId).Select(c => c.NoticeDays).SingleAsync(ct);
        project.PublishShortlist(ProjectRanking.AsRanked(lines), size ?? project.ShortlistSize, noticeDays, clock);
        // In the same save as the publication: the shortlist to the lead sponsor (its PDF made at sending),
        // and to every bidder of the round that the notice is up.
        await shortlistMail.QueueAsync(db, project, ct);
        await noticeMail.QueueNoticeUpAsync(db, project, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Reopens a finalised or published evaluation with a reason (audited, with who and when); the chosen
    /// panel members' submitted sheets on the current round go back to draft in the same save.
    /// </summary>
    public async Task ReopenAsync(Actor actor, int projectId, string reason, IReadOnlyCollection<int> memberIdsToReturn, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await db.Projects.Include(p => p.Shortlist).Include(p => p.Panel)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        await ReopenScoringAsync(db, project, reason, memberIdsToReturn, actor, clock, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The reopening itself, inside the caller's write (not saved): <paramref name="project"/> is tracked by
    /// <paramref name="db"/> with its shortlist and panel loaded. Also used when an objection's answer reopens scoring.
    /// </summary>
    internal static async Task ReopenScoringAsync(BidPortalDbContext db, TenderProject project, string reason,
        IReadOnlyCollection<int> memberIdsToReturn, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        var returned = memberIdsToReturn.Distinct().ToList();
        // Only this project's panel: an id from elsewhere is refused, never acted on.
        if (returned.Any(id => project.Panel.All(m => m.Id != id))) throw new DomainException(AccessPolicy.NotFoundKey);
        project.ReopenScoring(reason, actor.UserName, clock);
        if (returned.Count > 0)
        {
            var sheets = await db.ScoreSheets
                .Where(s => returned.Contains(s.PanelMemberId) && s.Status == ScoreSheetStatus.Submitted
                    && db.Proposals.Any(p => p.Id == s.ProposalId && p.TenderProjectId == project.Id && p.Round == project.Round))
                .ToListAsync(ct);
            foreach (var sheet in sheets) sheet.Reopen();
        }
    }

    /// <summary>The project for the organizer's board: found, and opened (before the opening there is nothing to score).</summary>
    private static async Task<TenderProject> ReadableAsync(BidPortalDbContext db, Actor actor, int projectId, CancellationToken ct)
    {
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Panel).ThenInclude(m => m.Conflicts)
            .Include(p => p.Reopenings).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor) && project.IsOpened);
        return project;
    }
}
