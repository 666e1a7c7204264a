using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>The evaluator's side of steps 7–8.</summary>
public sealed class Evaluations(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock)
{
    /// <summary>The panels the acting evaluator sits on, newest campaign first.</summary>
    public async Task<IReadOnlyList<PanelRow>> PanelsAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanSeeOwnPanels(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var userId = await db.Users.Where(u => u.UserName == actor.UserName).Select(u => u.Id).SingleOrDefaultAsync(ct);
        var rows = await db.PanelMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Projects, m => m.TenderProjectId, p => p.Id, (m, p) => new { m, p })
            .OrderByDescending(x => x.p.CampaignId).ThenBy(x => x.p.Code)
            .Select(x => new
            {
                Project = x.p,
                Member = x.m,
                // Both figures count the current round's valid proposals only: an earlier round's bids are on record, not to score.
                Scored = db.ScoreSheets.Count(s => s.PanelMemberId == x.m.Id && s.Status == ScoreSheetStatus.Submitted
                    && db.Proposals.Any(b => b.Id == s.ProposalId && b.Round == x.p.Round && b.Status == ProposalStatus.Valid)),
                // Proposals it may score: valid ones it has not declared a conflict on.
                ToScore = db.Proposals.Count(b => b.TenderProjectId == x.p.Id && b.Round == x.p.Round && b.Status == ProposalStatus.Valid
                    && !x.m.Conflicts.Any(c => c.ProposalId == b.Id)),
            })
            .ToListAsync(ct);
        var culture = Language.Reader;
        return [.. rows.Select(r => new PanelRow(r.Project.Id, r.Project.Code, r.Project.TitleIn(culture), r.Project.Status, r.Scored, r.ToScore)
        {
            CanOpen = AccessPolicy.CanEvaluate(actor, r.Project, r.Member),
        })];
    }

    /// <summary>
    /// One project on the evaluator's panel. A project it does not sit on, or not yet under evaluation,
    /// does not exist for it. Until it has declared its conflicts it sees the bidders' names and nothing
    /// of their proposals.
    /// </summary>
    public async Task<EvaluatorWorkspace> WorkspaceAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await db.Projects.AsNoTracking().Include(p => p.Criteria).SingleOrDefaultAsync(p => p.Id == projectId, ct);
        var seat = project is null ? null : await PanelSeats.FindAsync(db, actor, projectId, ct: ct);
        if (project is null || !AccessPolicy.CanEvaluate(actor, project, seat)) throw new DomainException(AccessPolicy.NotFoundKey);
        var culture = Language.Reader;
        var valid = await Rankings.ValidProposalsAsync(db, project, ct);
        var institutionIds = valid.Select(p => p.InstitutionId).Distinct().ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var byName = StringComparer.Create(culture, ignoreCase: true);
        List<Bidder> bidders = [];
        List<WorkspaceProposal> proposals = [];
        if (!seat!.HasDeclared)
        {
            bidders = [.. valid.Select(p => new Bidder(p.Id, names[p.InstitutionId])).OrderBy(b => b.Institution, byName)];
        }
        else
        {
            var sheets = await db.ScoreSheets.AsNoTracking().Where(s => s.PanelMemberId == seat.Id)
                .Select(s => new { s.ProposalId, s.Status }).ToDictionaryAsync(s => s.ProposalId, s => s.Status, ct);
            var letters = BlindLabels.For(valid.Select(p => p.Id));
            proposals = [.. valid.Select(p => new WorkspaceProposal(p.Id,
                    project.BlindEvaluation ? LocalizationSetup.Catalog.Format("Blind.Label", culture, letters[p.Id]) : names[p.InstitutionId],
                    sheets.TryGetValue(p.Id, out var status)
                        ? status == ScoreSheetStatus.Submitted ? SheetProgress.Submitted : SheetProgress.Draft
                        : SheetProgress.NotStarted,
                    seat.IsConflicted(p.Id)))
                .OrderBy(p => project.BlindEvaluation ? letters[p.ProposalId].Length : 0)
                .ThenBy(p => p.Label, project.BlindEvaluation ? StringComparer.Ordinal : byName)];
        }
        return new EvaluatorWorkspace(project.Id, project.Code, project.TitleIn(culture), project.Status, project.BlindEvaluation,
            [.. project.OrderedCriteria.Select(c => new CriterionColumn(c.Id, c.NameIn(culture), c.MaxPoints, c.IsPrice))],
            seat.HasDeclared, seat.DeclaredAt, bidders, proposals, project.AcceptsScores);
    }

    /// <summary>
    /// The declaration made before seeing the proposals: a conflict, with its reason, for each bidder the
    /// evaluator has a tie to; none for the rest. Its draft sheets on those proposals go in the same save.
    /// </summary>
    public Task DeclareAsync(Actor actor, int projectId, IReadOnlyCollection<(int ProposalId, string Reason)> conflicts,
        CancellationToken ct = default) => DeclareCoreAsync(actor, projectId, conflicts, later: false, ct);

    /// <summary>A conflict found after the declaration, on one more proposal: it leaves that proposal's average.</summary>
    public Task DeclareConflictAsync(Actor actor, int projectId, int proposalId, string reason, CancellationToken ct = default) =>
        DeclareCoreAsync(actor, projectId, [(proposalId, reason)], later: true, ct);

    private async Task DeclareCoreAsync(Actor actor, int projectId, IReadOnlyCollection<(int ProposalId, string Reason)> conflicts, bool later,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct);
        var seat = project is null ? null : await PanelSeats.FindAsync(db, actor, projectId, tracked: true, ct);
        if (project is null || !AccessPolicy.CanEvaluate(actor, project, seat)) throw new DomainException(AccessPolicy.NotFoundKey);
        // A conflict changes a proposal's average: not once the scores are locked.
        if (!project.AcceptsScores) throw new DomainException("Score.Locked");
        if (later && !seat!.HasDeclared) throw new DomainException("Conflict.NotDeclared");
        var valid = (await Rankings.ValidProposalsAsync(db, project, ct)).Select(p => p.Id).ToHashSet();
        if (conflicts.Any(c => !valid.Contains(c.ProposalId))) throw new DomainException(AccessPolicy.NotFoundKey);

        var ids = conflicts.Select(c => c.ProposalId).ToList();
        var sheets = await db.ScoreSheets.Include(s => s.Items).Where(s => s.PanelMemberId == seat!.Id && ids.Contains(s.ProposalId)).ToListAsync(ct);
        var submitted = sheets.Where(s => s.Status == ScoreSheetStatus.Submitted).Select(s => s.ProposalId).ToHashSet();
        seat!.Declare(conflicts, submitted, clock);
        // A draft on a proposal the evaluator is now conflicted on would never count: it goes with the declaration.
        db.ScoreSheets.RemoveRange(sheets.Where(s => s.Status == ScoreSheetStatus.Draft));
        db.AppendAudit(later ? "Conflict.DeclaredLater" : "Conflict.Declared", nameof(PanelMember), $"{seat.Id}",
            $"project={projectId}; conflicts={string.Join(",", ids)}; by={actor.Name}");
        await db.SaveChangesAsync(ct);
    }
}
