using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The organizer's board: who has scored what, locking the scores, publishing the shortlist and
/// reopening. Tests that change a project's state start from their own copy of the demo database.
/// </summary>
public class EvaluationBoardTests(EvaluationBoardTests.Fixture fixture) : IClassFixture<EvaluationBoardTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static EvaluationBoard Board(PortalFactory factory) => factory.Services.GetRequiredService<EvaluationBoard>();

    private static async Task<TenderProject> ProjectAsync(PortalFactory factory, ProjectStatus status)
    {
        await using var db = factory.CreateDbContext();
        return await db.Projects.AsNoTracking().Include(p => p.Shortlist).Include(p => p.Panel).ThenInclude(m => m.Conflicts)
            .Where(p => p.Status == status).OrderBy(p => p.Id).FirstAsync();
    }

    private static async Task<List<int>> ValidProposalIdsAsync(PortalFactory factory, TenderProject project)
    {
        await using var db = factory.CreateDbContext();
        return await db.Proposals.Where(p => p.TenderProjectId == project.Id && p.Round == project.Round && p.Status == ProposalStatus.Valid)
            .Select(p => p.Id).ToListAsync();
    }

    [Fact]
    public async Task Progress_ShowsEveryMemberAgainstEveryValidProposal_WithTheStoredSheets()
    {
        var project = await ProjectAsync(fixture, ProjectStatus.Shortlisted);
        var valid = await ValidProposalIdsAsync(fixture, project);
        int submittedInDb;
        await using (var db = fixture.CreateDbContext())
            submittedInDb = await db.ScoreSheets.CountAsync(s => valid.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted
                && db.PanelMembers.Any(m => m.Id == s.PanelMemberId && m.TenderProjectId == project.Id));

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var board = await Board(fixture).ProgressAsync(Actors.Organizer, project.Id);

        Assert.Equal(valid.Order(), board.Proposals.Select(p => p.ProposalId).Order());
        Assert.All(board.Proposals, p => Assert.False(string.IsNullOrWhiteSpace(p.Institution)));
        Assert.Equal(project.Panel.Select(m => m.DisplayName).Order(), board.Members.Select(m => m.DisplayName).Order());
        Assert.All(board.Members, m => Assert.Equal(valid.Count, m.Cells.Count));
        var conflicts = project.Panel.Sum(m => m.Conflicts.Count(c => valid.Contains(c.ProposalId)));
        Assert.Equal(conflicts, board.Members.Sum(m => m.Cells.Count(c => c.State == SheetProgress.Conflict)));
        Assert.Equal(submittedInDb, board.Submitted);
        Assert.Equal(project.Panel.Count * valid.Count - conflicts, board.ToScore);
        // A shortlisted project was locked complete: nothing owed, every submitted cell has its time.
        Assert.Equal(0, board.MissingSheets);
        Assert.Equal(board.ToScore, board.Submitted);
        Assert.All(board.Members.SelectMany(m => m.Cells).Where(c => c.State == SheetProgress.Submitted), c => Assert.NotNull(c.SubmittedAt));
    }

    [Fact]
    public async Task EveryRead_AndEveryWrite_IsTheOrganizers()
    {
        var project = await ProjectAsync(fixture, ProjectStatus.Shortlisted);
        var board = Board(fixture);
        foreach (var role in new[] { "sponsor", "institution", "evaluator" })
        {
            var actor = Actors.Other(role);
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => board.ProgressAsync(actor, project.Id))));
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => board.TotalsAsync(actor, project.Id))));
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => board.FinaliseAsync(actor, project.Id))));
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => board.PublishAsync(actor, project.Id, 2))));
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => board.ReopenAsync(actor, project.Id, "复核", []))));
        }
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => board.ReopenAsync(Actors.Organizer, 999_999, "复核", []))));
        var after = await ProjectAsync(fixture, ProjectStatus.Shortlisted);
        Assert.Equal((project.Id, project.ShortlistPublishedAt), (after.Id, after.ShortlistPublishedAt));
    }

    [Fact]
    public async Task Reopen_WithoutAReason_OrForAMemberOfAnotherPanel_IsRefused_AndNothingChanges()
    {
        var project = await ProjectAsync(fixture, ProjectStatus.Shortlisted);
        var board = Board(fixture);
        Assert.Equal("Reopen.ReasonRequired", (await Assert.ThrowsAsync<DomainException>(() => board.ReopenAsync(Actors.Organizer, project.Id, "  ", []))).Key);
        Assert.Equal("Reopen.TooLong", (await Assert.ThrowsAsync<DomainException>(() =>
            board.ReopenAsync(Actors.Organizer, project.Id, new string('理', ScoringReopening.ReasonMaxLength + 1), []))).Key);
        var otherPanel = await ProjectAsync(fixture, ProjectStatus.Evaluating);
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() =>
            board.ReopenAsync(Actors.Organizer, project.Id, "复核", [otherPanel.Panel.First().Id]))));
        var after = await ProjectAsync(fixture, ProjectStatus.Shortlisted);
        Assert.Equal(project.Id, after.Id);
        Assert.Equal(project.Shortlist.Count, after.Shortlist.Count);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<ScoringReopening>().AnyAsync(r => r.TenderProjectId == project.Id));
    }

    [Fact]
    public async Task Reopen_WithAReason_ReturnsToEvaluating_Audited_ChosenSheetsBackToDraft_ThenFinaliseWaitsForThem()
    {
        await using var factory = new PortalFactory();
        var project = await ProjectAsync(factory, ProjectStatus.Shortlisted);
        var returned = project.Panel.OrderBy(m => m.Id).First();
        var kept = project.Panel.OrderBy(m => m.Id).Last();
        var valid = await ValidProposalIdsAsync(factory, project);
        var owed = valid.Count(id => !returned.IsConflicted(id));
        var board = Board(factory);

        await board.ReopenAsync(Actors.Organizer, project.Id, "  发现第 3 名评分录入错误  ", [returned.Id]);

        await using (var db = factory.CreateDbContext())
        {
            var reopened = await db.Projects.Include(p => p.Shortlist).SingleAsync(p => p.Id == project.Id);
            Assert.Equal(ProjectStatus.Evaluating, reopened.Status);
            Assert.Empty(reopened.Shortlist);
            Assert.Null(reopened.ShortlistPublishedAt);
            Assert.Null(reopened.FinalisedAt);
            var row = await db.Set<ScoringReopening>().SingleAsync(r => r.TenderProjectId == project.Id);
            Assert.Equal(("发现第 3 名评分录入错误", "organizer", ProjectStatus.Shortlisted), (row.Reason, row.ReopenedBy, row.FromStatus));
            var rowId = row.Id.ToString(CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ScoringReopening) && a.EntityId == rowId && a.Actor == "organizer"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ScoreSheet) && a.Action == "Updated" && a.Actor == "organizer"));
            var sheets = await db.ScoreSheets.Where(s => valid.Contains(s.ProposalId)).ToListAsync();
            Assert.All(sheets.Where(s => s.PanelMemberId == returned.Id), s => Assert.Equal(ScoreSheetStatus.Draft, s.Status));
            Assert.Equal(owed, sheets.Count(s => s.PanelMemberId == returned.Id));
            Assert.All(sheets.Where(s => s.PanelMemberId == kept.Id), s => Assert.Equal(ScoreSheetStatus.Submitted, s.Status));
        }

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var progress = await board.ProgressAsync(Actors.Organizer, project.Id);
        var row0 = progress.Members.Single(m => m.PanelMemberId == returned.Id);
        Assert.Equal((0, owed), (row0.Submitted, row0.ToScore));
        Assert.All(row0.Cells.Where(c => c.State != SheetProgress.Conflict), c => Assert.Equal(SheetProgress.Draft, c.State));
        Assert.Equal(owed, progress.MissingSheets);
        Assert.Equal(("发现第 3 名评分录入错误", ProjectStatus.Shortlisted), (progress.Reopenings.Single().Reason, progress.Reopenings.Single().FromStatus));

        // Locking waits for the returned sheets, says how many, and changes nothing.
        var refusal = await Assert.ThrowsAsync<DomainException>(() => board.FinaliseAsync(Actors.Organizer, project.Id));
        Assert.Equal("Ranking.Incomplete", refusal.Key);
        Assert.Contains($"还有 {owed} 份评分表未提交", refusal.MessageIn(new CultureInfo("zh-CN")));
        await using (var db = factory.CreateDbContext())
        {
            var still = await db.Projects.SingleAsync(p => p.Id == project.Id);
            Assert.Equal((ProjectStatus.Evaluating, (DateTimeOffset?)null), (still.Status, still.FinalisedAt));
        }
    }

    [Fact]
    public async Task Finalise_ThenPublishTwo_SendsTheRankingsTopTwoInOrder()
    {
        await using var factory = new PortalFactory();
        var project = await ProjectAsync(factory, ProjectStatus.Shortlisted);
        var board = Board(factory);
        await board.ReopenAsync(Actors.Organizer, project.Id, "重新核对报价", []);
        Assert.Equal("Project.WrongStatus", (await Assert.ThrowsAsync<DomainException>(() => board.PublishAsync(Actors.Organizer, project.Id, 2))).Key);

        await board.FinaliseAsync(Actors.Organizer, project.Id);
        var ranking = await factory.Services.GetRequiredService<Rankings>().ForProjectAsync(Actors.Organizer, project.Id);
        Assert.Equal(ProjectStatus.Finalised, ranking.Status);
        Assert.NotNull(ranking.FinalisedAt);
        Assert.Equal("Shortlist.SizeRange", (await Assert.ThrowsAsync<DomainException>(() => board.PublishAsync(Actors.Organizer, project.Id, 0))).Key);
        Assert.Equal("Shortlist.SizeRange", (await Assert.ThrowsAsync<DomainException>(() => board.PublishAsync(Actors.Organizer, project.Id, Bounds.MaxShortlist + 1))).Key);

        await board.PublishAsync(Actors.Organizer, project.Id, 2);

        await using var db = factory.CreateDbContext();
        var published = await db.Projects.Include(p => p.Shortlist).SingleAsync(p => p.Id == project.Id);
        Assert.Equal(ProjectStatus.Shortlisted, published.Status);
        Assert.NotNull(published.ShortlistPublishedAt);
        Assert.Equal(2, published.ShortlistSize);
        Assert.True(ranking.Rows[1].Rank < ranking.Rows[2].Rank, "the demo ranking has no tie at second place");
        Assert.Equal(ranking.Rows.Take(2).Select(r => (r.ProposalId, r.Rank, r.Score)),
            published.Shortlist.OrderBy(s => s.Position).Select(s => (s.ProposalId, s.Rank, s.Score)));
        // Finalising again is refused: the scores are locked.
        Assert.Equal("Project.WrongStatus", (await Assert.ThrowsAsync<DomainException>(() => board.FinaliseAsync(Actors.Organizer, project.Id))).Key);
    }

    [Fact]
    public async Task Finalise_RefusesAnUnexplainedOutlier_AndATieAtTheCutKeepsBoth()
    {
        await using var factory = new PortalFactory();
        var project = await ProjectAsync(factory, ProjectStatus.Shortlisted);
        var board = Board(factory);
        await board.ReopenAsync(Actors.Organizer, project.Id, "复核并列", []);
        var before = await factory.Services.GetRequiredService<Rankings>().ForProjectAsync(Actors.Organizer, project.Id);
        var (first, second) = (before.Rows[0].ProposalId, before.Rows[1].ProposalId);

        // Second place becomes a copy of first: the same points from each evaluator, the same price and receipt time.
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ScoreItem" SET "Points" = (SELECT i1."Points" FROM "ScoreItem" i1 JOIN "ScoreSheets" s1 ON s1."Id" = i1."ScoreSheetId"
                    WHERE s1."ProposalId" = {first} AND i1."CriterionId" = "ScoreItem"."CriterionId"
                    AND s1."PanelMemberId" = (SELECT s2."PanelMemberId" FROM "ScoreSheets" s2 WHERE s2."Id" = "ScoreItem"."ScoreSheetId"))
                WHERE "ScoreSheetId" IN (SELECT "Id" FROM "ScoreSheets" WHERE "ProposalId" = {second})
                """);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ScoreSheets" SET "OutlierReason" = (SELECT s1."OutlierReason" FROM "ScoreSheets" s1 WHERE s1."ProposalId" = {first} AND s1."PanelMemberId" = "ScoreSheets"."PanelMemberId")
                WHERE "ProposalId" = {second}
                """);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ProposalVersions" SET "Price" = (SELECT v."Price" FROM "ProposalVersions" v WHERE v."ProposalId" = {first} ORDER BY v."Number" DESC LIMIT 1),
                    "ReceivedAt" = (SELECT v."ReceivedAt" FROM "ProposalVersions" v WHERE v."ProposalId" = {first} ORDER BY v."Number" DESC LIMIT 1)
                WHERE "ProposalId" = {second}
                """);
        }
        var tied = await factory.Services.GetRequiredService<Rankings>().ForProjectAsync(Actors.Organizer, project.Id);
        Assert.Equal([1, 1], tied.Rows.Where(r => r.ProposalId == first || r.ProposalId == second).Select(r => r.Rank));

        // One evaluator's total on the third proposal far below the others, without a reason: locking is refused.
        var third = tied.Rows.First(r => r.Rank == 3).ProposalId;
        int lowered;
        await using (var db = factory.CreateDbContext())
        {
            lowered = await db.ScoreSheets.Where(s => s.ProposalId == third && s.Status == ScoreSheetStatus.Submitted).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"""UPDATE "ScoreItem" SET "Points" = 0 WHERE "ScoreSheetId" = {lowered}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "ScoreSheets" SET "OutlierReason" = NULL WHERE "Id" = {lowered}""");
        }
        var refusal = await Assert.ThrowsAsync<DomainException>(() => board.FinaliseAsync(Actors.Organizer, project.Id));
        Assert.Equal("Ranking.OutlierUnexplained", refusal.Key);
        var totals = await board.TotalsAsync(Actors.Organizer, project.Id);
        Assert.Contains(totals, t => t.ProposalId == third && t.IsOutlier && t.OutlierReason is null && t.Evaluator.Length > 0);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(ProjectStatus.Evaluating, (await db.Projects.SingleAsync(p => p.Id == project.Id)).Status);
            await db.Database.ExecuteSqlAsync($"""UPDATE "ScoreSheets" SET "OutlierReason" = '专家认为该方案与需求不符' WHERE "ProposalId" = {third}""");
        }

        await board.FinaliseAsync(Actors.Organizer, project.Id);
        await board.PublishAsync(Actors.Organizer, project.Id, 1);
        await using (var db = factory.CreateDbContext())
        {
            var published = await db.Projects.Include(p => p.Shortlist).SingleAsync(p => p.Id == project.Id);
            Assert.Equal(ProjectStatus.Shortlisted, published.Status);
            Assert.Equal(tied.Rows.Take(2).Select(r => r.ProposalId), published.Shortlist.OrderBy(s => s.Position).Select(s => s.ProposalId));
            Assert.Equal(new[] { first, second }.Order(), published.Shortlist.Select(s => s.ProposalId).Order());
            Assert.Equal([1, 1], published.Shortlist.OrderBy(s => s.Position).Select(s => s.Rank));
        }
    }
}
