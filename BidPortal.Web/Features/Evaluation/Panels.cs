using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// The organizer's side of a project's panel (step 7): evaluators join and leave until the scores are
/// locked, blind mode is chosen before anyone sees a proposal, and the evaluation starts once the
/// project is opened with at least three evaluators and a valid rubric.
/// </summary>
public sealed class Panels(IDbContextFactory<BidPortalDbContext> contexts)
{
    public async Task<PanelView> PanelAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Panel).ThenInclude(m => m.Conflicts)
            .Include(p => p.Criteria).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var memberIds = project.Panel.Select(m => m.Id).ToList();
        var sheets = await db.ScoreSheets.AsNoTracking().Where(s => memberIds.Contains(s.PanelMemberId))
            .GroupBy(s => new { s.PanelMemberId, s.Status }).Select(g => new { g.Key.PanelMemberId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var userIds = project.Panel.Select(m => m.UserId).ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        int Count(int memberId, ScoreSheetStatus status) =>
            sheets.Where(s => s.PanelMemberId == memberId && s.Status == status).Sum(s => s.Count);
        var members = project.Panel.OrderBy(m => m.Id)
            .Select(m => new PanelMemberRow(m.Id, m.DisplayName, userNames.GetValueOrDefault(m.UserId, ""), m.HasDeclared, m.Conflicts.Count,
                Count(m.Id, ScoreSheetStatus.Submitted), Count(m.Id, ScoreSheetStatus.Draft)))
            .ToList();
        var candidates = (await EvaluatorAccounts(db).Where(u => !userIds.Contains(u.Id)).ToListAsync(ct))
            .Select(u => new EvaluatorCandidate(u.UserName ?? "", u.DisplayName))
            .OrderBy(c => c.UserName, StringComparer.Ordinal).ToList();
        var rubricProblem = RubricProblem(project);
        var size = members.Count;
        return new PanelView(project.Id, project.Code, project.Status, project.BlindEvaluation, members, candidates,
            PanelAdvice.IsTooSmall(size), PanelAdvice.IsBelowRecommended(size), PanelAdvice.IsEven(size),
            project.AcceptsPanelChanges, project.AcceptsBlindModeChange,
            project.Status == ProjectStatus.Opened && !PanelAdvice.IsTooSmall(size) && rubricProblem is null, rubricProblem);
    }

    /// <summary>Adds an evaluator account, under the name its account carries.</summary>
    public async Task AddAsync(Actor actor, int projectId, string userName, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = await ReloadAsync(db, actor, projectId, ct);
        var user = await EvaluatorAccounts(db).SingleOrDefaultAsync(u => u.UserName == userName.Trim(), ct)
            ?? throw new DomainException("Panel.NotEvaluator");
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName.Trim();
        project.AddPanelMember(user.Id, name);
        db.AppendAudit("Panel.MemberAdded", nameof(TenderProject), $"{projectId}", $"user={user.UserName}; name={name}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Takes an evaluator off the panel — not one who has started a sheet, draft or submitted.</summary>
    public async Task RemoveAsync(Actor actor, int projectId, int memberId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = await ReloadAsync(db, actor, projectId, ct);
        var member = AccessPolicy.Found(project.Panel.SingleOrDefault(m => m.Id == memberId));
        var hasScoreSheets = await db.ScoreSheets.AnyAsync(s => s.PanelMemberId == memberId, ct);
        project.RemovePanelMember(member, hasScoreSheets);
        db.AppendAudit("Panel.MemberRemoved", nameof(TenderProject), $"{projectId}", $"member={memberId}; name={member.DisplayName}");
        await db.SaveChangesAsync(ct);
    }

    public async Task SetBlindAsync(Actor actor, int projectId, bool blind, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = await ReloadAsync(db, actor, projectId, ct);
        project.SetBlindEvaluation(blind);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>From here on the evaluators see the project, declare their conflicts, then the proposals.</summary>
    public async Task StartEvaluationAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = await ReloadAsync(db, actor, projectId, ct);
        project.StartEvaluation();
        await db.SaveChangesAsync(ct);
    }

    private static async Task<TenderProject> ReloadAsync(BidPortalDbContext db, Actor actor, int projectId, CancellationToken ct)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        return AccessPolicy.Found(await db.Projects.Include(p => p.Panel).Include(p => p.Criteria).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == projectId, ct));
    }

    /// <summary>The accounts holding the evaluator role: the only ones a panel takes.</summary>
    private static IQueryable<AppUser> EvaluatorAccounts(BidPortalDbContext db) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Evaluator)));

    /// <summary>Why the rubric would stop the start, in the reader's language; null when it passes.</summary>
    private static string? RubricProblem(TenderProject project)
    {
        try
        {
            Rubric.Validate(project.Criteria);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }
}
