using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Support;

/// <summary>
/// A project under evaluation in a state a scoring test can rely on, built on a fresh PortalFactory database from
/// the demo's current project under evaluation: its sheets and conflicts cleared (whatever the demo left there),
/// the evaluators named here on its panel and declared (without conflicts), and the ones named undeclared on the
/// panel without a declaration. Browser tests, which share one database, pass a project of their own
/// (<see cref="EvaluatingClone"/>) instead of the demo's.
/// </summary>
public sealed record ScoringStage(int ProjectId, IReadOnlyList<int> ProposalIds, IReadOnlyList<Criterion> Criteria)
{
    public static Actor Evaluator(string userName) => Actor.Of(userName, Roles.Evaluator);

    public IEnumerable<Criterion> Typed => Criteria.Where(c => !c.IsPrice).OrderBy(c => c.Order);

    public static async Task<ScoringStage> BuildAsync(PortalFactory factory, IReadOnlyCollection<string> declared, IReadOnlyCollection<string>? undeclared = null,
        IReadOnlyDictionary<string, int>? conflicts = null, int? projectId = null)
    {
        await using var db = factory.CreateDbContext();
        var project = await db.Projects.Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts)
            .Where(p => projectId == null ? p.Status == ProjectStatus.Evaluating : p.Id == projectId)
            .OrderByDescending(p => p.CampaignId).FirstAsync();
        var proposalIds = await db.Proposals
            .Where(p => p.TenderProjectId == project.Id && p.Round == project.Round && p.Status == ProposalStatus.Valid)
            .OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var memberIds = project.Panel.Select(m => m.Id).ToList();
        await db.Set<ScoreItem>().Where(i => db.ScoreSheets.Any(s => s.Id == i.ScoreSheetId && proposalIds.Contains(s.ProposalId))).ExecuteDeleteAsync();
        await db.ScoreSheets.Where(s => proposalIds.Contains(s.ProposalId)).ExecuteDeleteAsync();
        await db.Set<ConflictDeclaration>().Where(c => memberIds.Contains(c.PanelMemberId)).ExecuteDeleteAsync();
        db.ChangeTracker.Clear();

        project = await db.Projects.Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts).SingleAsync(p => p.Id == project.Id);
        foreach (var userName in declared.Concat(undeclared ?? []))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var member = project.Panel.SingleOrDefault(m => m.UserId == user.Id) ?? project.AddPanelMember(user.Id, userName);
            if (declared.Contains(userName))
            {
                IReadOnlyCollection<(int, string)> conflict = conflicts?.TryGetValue(userName, out var id) == true ? [(id, "曾在该机构兼职")] : [];
                member.Declare(conflict, new HashSet<int>(), TimeProvider.System);
            }
        }
        await db.SaveChangesAsync();
        return new ScoringStage(project.Id, proposalIds, [.. project.OrderedCriteria]);
    }
}
