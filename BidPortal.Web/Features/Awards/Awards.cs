using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Awards;

/// <summary>
/// The award (定标, step 9): the lead sponsor picks an institution from the published shortlist once the public notice
/// is over and every objection answered (a reason when not the first); every bidder then learns its outcome by mail and
/// on its project page, with its own rank from the one ranking loader.
/// </summary>
public sealed class Awards(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, TextCatalog catalog, OutcomeMail mail)
{
    /// <summary>The shortlist to pick from, whether the award is possible now (and if not, why in words), or the decision made.</summary>
    public async Task<AwardPanelView> PanelAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Shortlist).Include(p => p.Objections)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanSeeShortlist(actor, project));
        var culture = Language.Reader;
        var now = clock.GetUtcNow();
        var proposalIds = project.Shortlist.Select(s => s.ProposalId).ToList();
        var award = await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.TenderProjectId == projectId, ct);
        if (award is not null) proposalIds.Add(award.ProposalId);
        var institutionOf = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.InstitutionId, ct);
        var institutionIds = institutionOf.Values.Distinct().ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var choices = project.Shortlist.OrderBy(s => s.Position)
            .Select(s => new AwardChoice(s.ProposalId, s.Position, names[institutionOf[s.ProposalId]], s.Rank, s.Score, s.Price)).ToList();
        var open = project.Objections.Count(o => o.IsOpen);
        var decision = award is null ? null : new AwardDecision(award.ProposalId, names[award.InstitutionId],
            project.Shortlist.FirstOrDefault(s => s.ProposalId == award.ProposalId)?.Position ?? 0, award.Amount, award.Reason, award.DecidedAt);
        return new AwardPanelView(project.Id, AccessPolicy.CanDecideAward(actor, project), AccessPolicy.CanAward(actor, project, now),
            Blocked(project, decision, open, now), project.NoticeEndsAt, open, choices, decision);
    }

    /// <summary>Why no award can be made now, in the reader's words; null when it can.</summary>
    private string? Blocked(TenderProject project, AwardDecision? decision, int openObjections, DateTimeOffset now)
    {
        var culture = Language.Reader;
        if (decision is not null)
            return catalog.Format("Award.Already", culture, decision.Institution, decision.DecidedAt);
        if (project.InNotice(now)) return catalog.Format("Award.DuringNotice", culture, project.NoticeEndsAt!.Value);
        if (openObjections > 0) return catalog.Format("Award.ObjectionOpen", culture, openObjections);
        if (project.Status != ProjectStatus.Shortlisted) return catalog.Format("Project.WrongStatus", culture, project.Status);
        return null;
    }

    /// <summary>
    /// The lead sponsor's pick. Checked at the moment of the write on the project reloaded with its shortlist and
    /// objections: the domain refuses during the notice, with an objection open, off the shortlist, or any but the first
    /// without a reason. The award, its execution record and every outcome mail are saved together; a second award
    /// (another tab, another person) fails on the project's version or the one-award-per-project index.
    /// </summary>
    public async Task AwardAsync(Actor actor, int projectId, int proposalId, string? reason, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await db.Projects.Include(p => p.Shortlist).Include(p => p.Objections)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanDecideAward(actor, project));
        var allowed = AccessPolicy.CanAward(actor, project, clock.GetUtcNow());
        var institutionId = await db.Proposals.Where(p => p.Id == proposalId && p.TenderProjectId == projectId)
            .Select(p => (int?)p.InstitutionId).SingleOrDefaultAsync(ct);
        // The domain says why not (notice, objections, shortlist, reason) before the policy's plain refusal.
        var award = project.Award(proposalId, institutionId ?? 0, reason, actor.UserName, clock);
        AccessPolicy.Demand(allowed);
        db.Awards.Add(award);
        db.ExecutionRecords.Add(new ExecutionRecord(award));
        await mail.QueueAsync(db, project, award, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The bidder's outcome on its project page: null until the project is awarded; then, to an institution that bid in
    /// the current round, awarded or not with its own rank (none when its bid was invalid at opening).
    /// </summary>
    public async Task<OutcomeView?> OutcomeAsync(Actor actor, int institutionId, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(actor.ActsForInstitution(institutionId));
        if (project.Status is not (ProjectStatus.Awarded or ProjectStatus.Completed)) return null;
        var bids = await db.Proposals.AsNoTracking()
            .Where(p => p.TenderProjectId == projectId && p.Round == project.Round
                && (p.Status == ProposalStatus.Valid || p.Status == ProposalStatus.Invalid))
            .Select(p => new { p.Id, p.InstitutionId }).ToListAsync(ct);
        AccessPolicy.Demand(AccessPolicy.CanSeeOutcome(actor, project, [.. bids.Select(b => b.InstitutionId).Distinct()]));
        var award = AccessPolicy.Found(await db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.TenderProjectId == projectId, ct));
        var ranking = await Rankings.ComputeAsync(db, projectId, ct);
        var own = bids.Where(b => b.InstitutionId == institutionId).Select(b => b.Id).ToHashSet();
        var rank = ranking.Where(l => own.Contains(l.ProposalId)).Select(l => (int?)l.Rank).Min();
        var winner = AccessPolicy.Found(await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == award.InstitutionId, ct));
        return new OutcomeView(projectId, award.InstitutionId == institutionId, rank, ranking.Count, winner.NameIn(Language.Reader), award.DecidedAt);
    }
}
