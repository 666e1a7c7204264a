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
/// The evaluator's score sheet through the real service on a real SQLite file: drafts kept, incomplete sheets
/// refused by name, scores independent until one's own is submitted, conflicts and locks respected, and two
/// evaluators submitting at the same moment both counted.
/// </summary>
public class ScoreSheetServiceTests(ScoreSheetServiceTests.Fixture fixture) : IClassFixture<ScoreSheetServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public ScoringStage Stage { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Stage = await ScoringStage.BuildAsync(this, ["expert01", "expert02", "expert03", "expert04", "expert05", "expert06", "expert07"],
                undeclared: ["expert09"], conflicts: null);

        ValueTask IAsyncDisposable.DisposeAsync() => DisposeAsync();
    }

    private ScoringStage Stage => fixture.Stage;
    private ScoreSheets Service => fixture.Services.GetRequiredService<ScoreSheets>();

    /// <summary>Every typed criterion at the same share of its maximum, with a comment.</summary>
    private static SheetInput Input(ScoringStage stage, decimal share, string? comment = "结构清晰") =>
        new([.. stage.Typed.Select(c => new CriterionInput(c.Id, Scoring.Round2(c.MaxPoints * share), comment))], "总体良好");

    [Fact]
    public async Task Draft_IsSaved_AndReadBack_WithTheRubricInTheReadersLanguage()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var proposal = Stage.ProposalIds[0];
        var first = Stage.Typed.First();
        var saved = await Service.SaveDraftAsync(ScoringStage.Evaluator("expert01"), proposal,
            new SheetInput([new CriterionInput(first.Id, 12.5m, "Strong design")], "Promising"));
        Assert.True(saved > DateTimeOffset.UtcNow.AddMinutes(-1));

        var sheet = await Service.SheetAsync(ScoringStage.Evaluator("expert01"), proposal);
        Assert.Equal(ScoreSheetStatus.Draft, sheet.Status);
        var line = sheet.Rubric.Single(r => r.CriterionId == first.Id);
        Assert.Equal((12.5m, "Strong design", first.NameEn), (line.Points!.Value, line.Comment, line.Name));
        Assert.Equal("Promising", sheet.Comment);
        Assert.True(sheet.CanScore);
        Assert.Null(sheet.Others);
        var price = sheet.Rubric.Single(r => r.IsPrice);
        Assert.Equal(sheet.PriceScore, price.Points);
        Assert.InRange(sheet.PriceScore, 0.01m, price.MaxPoints);
        // A second save changes the same sheet.
        await Service.SaveDraftAsync(ScoringStage.Evaluator("expert01"), proposal, new SheetInput([new CriterionInput(first.Id, 13m, null)], null));
        await using var db = fixture.CreateDbContext();
        var expert01 = await db.Users.Where(u => u.UserName == "expert01").Select(u => u.Id).SingleAsync();
        Assert.Single(await db.ScoreSheets.Where(s => s.ProposalId == proposal && s.PanelMember!.UserId == expert01).ToListAsync());
        Assert.Equal(13m, (await Service.SheetAsync(ScoringStage.Evaluator("expert01"), proposal)).Rubric.Single(r => r.CriterionId == first.Id).Points);
    }

    [Fact]
    public async Task Submit_Incomplete_IsRefused_NamingTheMissingCriterion_InTheReadersLanguage()
    {
        var proposal = Stage.ProposalIds[0];
        var typed = Stage.Typed.ToList();
        var input = new SheetInput([.. typed.Skip(1).Select(c => new CriterionInput(c.Id, 1m, null))], null);
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.SubmitAsync(ScoringStage.Evaluator("expert02"), proposal, input, null));
        Assert.Equal($"Not yet scored: {typed[0].NameEn}.", refused.Message);
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        refused = await Assert.ThrowsAsync<DomainException>(() => Service.SubmitAsync(ScoringStage.Evaluator("expert02"), proposal, input, null));
        Assert.Equal($"以下评分项尚未打分：{typed[0].Name}。", refused.Message);
        // What was typed is kept as the draft.
        var sheet = await Service.SheetAsync(ScoringStage.Evaluator("expert02"), proposal);
        Assert.Equal(ScoreSheetStatus.Draft, sheet.Status);
        Assert.Equal(1m, sheet.Rubric.Single(r => r.CriterionId == typed[1].Id).Points);
    }

    [Fact]
    public async Task OutOfRange_IsRefusedByTheServer_WithItsMessage()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var criterion = Stage.Typed.First();
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.SaveDraftAsync(ScoringStage.Evaluator("expert02"), Stage.ProposalIds[0],
            new SheetInput([new CriterionInput(criterion.Id, criterion.MaxPoints + 1, null)], null)));
        Assert.Equal($"The score for “{criterion.NameEn}” must be between 0 and {criterion.MaxPoints}.", refused.Message);
    }

    [Fact]
    public async Task Independence_OthersScoresAppearOnlyAfterOnesOwnSubmission()
    {
        var proposal = Stage.ProposalIds[1];
        await Service.SubmitAsync(ScoringStage.Evaluator("expert03"), proposal, Input(Stage, 0.8m), null);
        var before = await Service.SheetAsync(ScoringStage.Evaluator("expert04"), proposal);
        Assert.Null(before.Others);
        Assert.All(before.Rubric.Where(r => !r.IsPrice), r => Assert.Null(r.Points));

        await Service.SubmitAsync(ScoringStage.Evaluator("expert04"), proposal, Input(Stage, 0.75m), null);
        var after = await Service.SheetAsync(ScoringStage.Evaluator("expert04"), proposal);
        Assert.Equal(ScoreSheetStatus.Submitted, after.Status);
        Assert.False(after.CanScore);
        var other = Assert.Single(after.Others!);
        // Named as the panel lists the evaluator (the demo seats expert03 under its account's display name).
        await using (var db = fixture.CreateDbContext())
        {
            var userId = await db.Users.Where(u => u.UserName == "expert03").Select(u => u.Id).SingleAsync();
            Assert.Equal(await db.PanelMembers.Where(m => m.UserId == userId && m.TenderProjectId == Stage.ProjectId).Select(m => m.DisplayName).SingleAsync(), other.Evaluator);
        }
        Assert.Equal(Stage.Typed.Sum(c => Scoring.Round2(c.MaxPoints * 0.8m)) + after.PriceScore, other.Total);
        // Submitted means fixed.
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.SaveDraftAsync(ScoringStage.Evaluator("expert04"), proposal, Input(Stage, 0.5m)));
        Assert.Equal("Score.AlreadySubmitted", refused.Key);
    }

    [Fact]
    public async Task ConflictedEvaluator_GetsNotFound_AndOneOffThePanelToo_WhileAnUndeclaredOneIsSentToTheDeclaration()
    {
        var proposal = Stage.ProposalIds[^1];
        await using (var db = fixture.CreateDbContext())
        {
            var member = await db.PanelMembers.Include(m => m.Conflicts).SingleAsync(m => m.TenderProjectId == Stage.ProjectId && m.DisplayName == "expert07");
            member.DeclareConflict(proposal, "曾在该机构兼职", TimeProvider.System, alreadyScored: false);
            await db.SaveChangesAsync();
        }
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.SheetAsync(ScoringStage.Evaluator("expert07"), proposal))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() =>
            Service.SaveDraftAsync(ScoringStage.Evaluator("expert07"), proposal, Input(Stage, 0.5m)))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.SheetAsync(ScoringStage.Evaluator("expert08"), proposal))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.SheetAsync(Actors.Organizer, proposal))));
        Assert.Equal("Conflict.NotDeclared", (await Assert.ThrowsAsync<DomainException>(() => Service.SheetAsync(ScoringStage.Evaluator("expert09"), proposal))).Key);
    }

    [Fact]
    public async Task TwoEvaluatorsSubmittingAtTheSameMoment_AreBothKept_AndBothInTheRanking()
    {
        var proposal = Stage.ProposalIds[0];
        await Task.WhenAll(
            Task.Run(() => Service.SubmitAsync(ScoringStage.Evaluator("expert05"), proposal, Input(Stage, 0.7m), null)),
            Task.Run(() => Service.SubmitAsync(ScoringStage.Evaluator("expert06"), proposal, Input(Stage, 0.72m), null)));

        await using (var db = fixture.CreateDbContext())
            Assert.Equal(2, await db.ScoreSheets.CountAsync(s => s.ProposalId == proposal && s.Status == ScoreSheetStatus.Submitted));
        var ranking = await fixture.Services.GetRequiredService<Rankings>().ForProjectAsync(Actors.Organizer, Stage.ProjectId);
        Assert.Equal(2, ranking.Rows.Single(r => r.ProposalId == proposal).Sheets);
    }

    [Fact]
    public async Task AfterFinalising_TheScoresAreLocked_AndADraftIsRefusedWithAMessage()
    {
        await using var factory = new PortalFactory();
        var stage = await ScoringStage.BuildAsync(factory, ["expert01", "expert02", "expert03"]);
        var service = factory.Services.GetRequiredService<ScoreSheets>();
        await using (var db = factory.CreateDbContext())
        {
            var members = await db.PanelMembers.Where(m => m.TenderProjectId == stage.ProjectId).Select(m => m.DisplayName).ToListAsync();
            var users = await db.Users.Where(u => db.PanelMembers.Any(m => m.TenderProjectId == stage.ProjectId && m.UserId == u.Id)).Select(u => u.UserName!).ToListAsync();
            foreach (var user in users)
                foreach (var proposal in stage.ProposalIds)
                    await service.SubmitAsync(ScoringStage.Evaluator(user), proposal, Input(stage, 0.8m), null);
        }
        await using (var db = factory.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts).SingleAsync(p => p.Id == stage.ProjectId);
            var proposals = await db.Proposals.Include(p => p.Versions).Where(p => stage.ProposalIds.Contains(p.Id)).ToListAsync();
            var sheets = await db.ScoreSheets.Include(s => s.Items).Where(s => stage.ProposalIds.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted).ToListAsync();
            var lines = ProjectRanking.Compute(project.Criteria,
                [.. proposals.Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))],
                [.. sheets.Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points ?? 0), s.OutlierReason))],
                new HashSet<(int, int)>());
            project.Finalise(0, lines, TimeProvider.System);
            await db.SaveChangesAsync();
        }
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var refused = await Assert.ThrowsAsync<DomainException>(() => service.SaveDraftAsync(ScoringStage.Evaluator("expert01"), stage.ProposalIds[0], Input(stage, 0.5m)));
        Assert.Equal("The scores are locked and can no longer change.", refused.Message);
        // Still readable, no longer changeable.
        var sheet = await service.SheetAsync(ScoringStage.Evaluator("expert01"), stage.ProposalIds[0]);
        Assert.False(sheet.CanScore);
        Assert.Equal(ScoreSheetStatus.Submitted, sheet.Status);
    }
}
