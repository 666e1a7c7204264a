using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Notice;

/// <summary>
/// The public notice (公示) of a published shortlist and the objections (质疑) to it (step 9): each bidder
/// reads the recommended ranking — from the one ranking loader, <see cref="Rankings.ComputeAsync"/> — and
/// may object during the notice; the organizer answers each objection once and may reopen scoring with it.
/// </summary>
public sealed class Notices(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, NoticeMail mail)
{
    /// <summary>
    /// The notice as <paramref name="institutionId"/> reads it; null when there is nothing to show (it did not
    /// bid, or no shortlist has been published and it has no objection on record).
    /// </summary>
    public async Task<NoticeView?> ForBidderAsync(Actor actor, int institutionId, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(actor.ActsForInstitution(institutionId));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Shortlist).Include(p => p.Objections)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var bidders = await BidderInstitutionIdsAsync(db, project, ct);
        if (!bidders.Contains(institutionId)) return null;
        var own = project.Objections.Where(o => o.InstitutionId == institutionId).OrderByDescending(o => o.FiledAt)
            .Select(o => new OwnObjection(o.Id, o.Reason, o.FiledAt, o.Answer, o.AnsweredAt, o.ReopenedScoring)).ToList();
        var published = AccessPolicy.CanSeeNotice(actor, project, bidders) && project.Shortlist.Count > 0;
        if (!published && own.Count == 0) return null;

        var culture = Language.Reader;
        List<NoticeRow> rows = [];
        NoticeStanding? standing = null;
        if (published)
        {
            var lines = (await Rankings.ComputeAsync(db, projectId, ct)).ToDictionary(l => l.ProposalId);
            var proposals = await db.Proposals.AsNoTracking()
                .Where(p => p.TenderProjectId == projectId && p.Round == project.Round && p.Status != ProposalStatus.Withdrawn)
                .Select(p => new { p.Id, p.InstitutionId }).ToListAsync(ct);
            var institutionOf = proposals.ToDictionary(p => p.Id, p => p.InstitutionId);
            var ids = proposals.Select(p => p.InstitutionId).Distinct().ToList();
            var names = (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => i.Id, i => i.NameIn(culture));
            rows = [.. project.Shortlist.OrderBy(s => s.Position).Select(s =>
            {
                var line = lines.GetValueOrDefault(s.ProposalId);
                var institution = institutionOf.GetValueOrDefault(s.ProposalId);
                return new NoticeRow(s.Position, line?.Rank ?? s.Rank, names.GetValueOrDefault(institution, ""), line?.Score ?? s.Score,
                    institution == institutionId);
            })];
            if (!rows.Any(r => r.IsOwn))
            {
                var mine = lines.Values.Where(l => institutionOf.GetValueOrDefault(l.ProposalId) == institutionId).OrderBy(l => l.Rank).FirstOrDefault();
                standing = new NoticeStanding(mine?.Rank, mine?.Score);
            }
        }
        var now = clock.GetUtcNow();
        return new NoticeView(project.Id, project.Code, project.TitleIn(culture), published, published ? project.NoticeEndsAt : null,
            AccessPolicy.CanObject(actor, project, bidders, now) && !own.Any(o => o.AnsweredAt is null), rows, standing, own);
    }

    /// <summary>
    /// A bidder objects to the recommended ranking during the notice. Checked on the reloaded project at the
    /// moment of the write; the organizer's users are told in the same save.
    /// </summary>
    public async Task FileObjectionAsync(Actor actor, int institutionId, int projectId, string reason, CancellationToken ct = default)
    {
        AccessPolicy.Demand(actor.ActsForInstitution(institutionId));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await db.Projects.Include(p => p.Objections).SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var bidders = await BidderInstitutionIdsAsync(db, project, ct);
        AccessPolicy.Demand(bidders.Contains(institutionId));
        // A bidder outside the notice (not yet published, over, reopened or awarded) is told why, not just refused.
        if (!AccessPolicy.CanObject(actor, project, bidders, clock.GetUtcNow())) throw new DomainException("Objection.NoticeClosed");
        var objection = project.FileObjection(institutionId, reason ?? "", actor.UserName, clock);
        await mail.QueueObjectionAsync(db, project, objection, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every objection to a project, open ones first, with the objecting institution's name and the answers (the organizer).</summary>
    public async Task<ObjectionsView> ObjectionsAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanAnswerObjections(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Objections).SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var ids = project.Objections.Select(o => o.InstitutionId).Distinct().ToList();
        var culture = Language.Reader;
        var names = (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => i.Id, i => i.NameIn(culture));
        // People are named by their display names, never by their login names (null when a person has none).
        var logins = project.Objections.Select(o => o.FiledBy).Concat(project.Objections.Select(o => o.AnsweredBy))
            .OfType<string>().Distinct().ToList();
        var people = (await db.Users.AsNoTracking().Where(u => logins.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct))
            .Where(u => !string.IsNullOrWhiteSpace(u.DisplayName)).ToDictionary(u => u.UserName!, u => u.DisplayName);
        string? Person(string? login) => login is not null && people.TryGetValue(login, out var name) ? name : null;
        var rows = project.Objections.OrderByDescending(o => o.IsOpen).ThenByDescending(o => o.FiledAt)
            .Select(o => new ObjectionRow(o.Id, names.GetValueOrDefault(o.InstitutionId, ""), o.Reason, Person(o.FiledBy), o.FiledAt, o.Answer,
                Person(o.AnsweredBy), o.AnsweredAt, o.ReopenedScoring)).ToList();
        return new ObjectionsView(project.Id, project.Code, project.Status is ProjectStatus.Finalised or ProjectStatus.Shortlisted, rows);
    }

    /// <summary>
    /// The organizer answers an objection, once. With <paramref name="reopenScoring"/> the project's scoring is
    /// reopened with <paramref name="reopenReason"/> (the shortlist withdrawn) in the same save as the answer and
    /// the objecting institution's mail.
    /// </summary>
    public async Task AnswerAsync(Actor actor, int objectionId, string answer, bool reopenScoring, string? reopenReason,
        CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanAnswerObjections(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var objection = AccessPolicy.Found(await db.Objections.SingleOrDefaultAsync(o => o.Id == objectionId, ct));
        var project = await db.Projects.Include(p => p.Objections).Include(p => p.Shortlist).Include(p => p.Panel)
            .AsSplitQuery().SingleAsync(p => p.Id == objection.TenderProjectId, ct);
        objection.Respond(answer ?? "", reopenScoring, actor.UserName, clock);
        if (reopenScoring) await EvaluationBoard.ReopenScoringAsync(db, project, reopenReason ?? "", [], actor, clock, ct);
        await mail.QueueAnswerAsync(db, project, objection, reopenScoring ? reopenReason?.Trim() : null, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The institutions that bid in the project's current round: an opened proposal, valid or not (<see cref="AccessPolicy.CanSeeNotice"/>).</summary>
    internal static async Task<List<int>> BidderInstitutionIdsAsync(BidPortalDbContext db, TenderProject project, CancellationToken ct) =>
        await db.Proposals.Where(p => p.TenderProjectId == project.Id && p.Round == project.Round
                && (p.Status == ProposalStatus.Valid || p.Status == ProposalStatus.Invalid))
            .Select(p => p.InstitutionId).Distinct().ToListAsync(ct);
}
