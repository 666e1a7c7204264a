using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// The acting evaluator's own seat on a project's panel, with its conflicts — null when it has none.
/// Looked up from the signed-in user name at each call, never taken from a page: what
/// <see cref="AccessPolicy.CanEvaluate"/> and the rules after it are asked about.
/// </summary>
internal static class PanelSeats
{
    public static async Task<PanelMember?> FindAsync(BidPortalDbContext db, Actor actor, int projectId, bool tracked = false, CancellationToken ct = default)
    {
        if (!actor.IsEvaluator) return null;
        var userId = await db.Users.Where(u => u.UserName == actor.UserName).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (userId is null) return null;
        var query = db.PanelMembers.Include(m => m.Conflicts).Where(m => m.TenderProjectId == projectId && m.UserId == userId);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
