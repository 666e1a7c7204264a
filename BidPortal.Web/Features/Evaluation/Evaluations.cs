using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>The evaluator's side of steps 7–8.</summary>
public sealed class Evaluations(IDbContextFactory<BidPortalDbContext> contexts)
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
                Scored = db.ScoreSheets.Count(s => s.PanelMemberId == x.m.Id && s.Status == ScoreSheetStatus.Submitted),
                // Proposals it may score: valid ones it has not declared a conflict on.
                ToScore = db.Proposals.Count(b => b.TenderProjectId == x.p.Id && b.Round == x.p.Round && b.Status == ProposalStatus.Valid
                    && !x.m.Conflicts.Any(c => c.ProposalId == b.Id)),
            })
            .ToListAsync(ct);
        var culture = Language.Reader;
        return [.. rows.Select(r => new PanelRow(r.Project.Id, r.Project.Code, r.Project.TitleIn(culture), r.Project.Status, r.Scored, r.ToScore))];
    }
}
