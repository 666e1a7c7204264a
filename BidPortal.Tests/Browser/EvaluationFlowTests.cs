using System.Globalization;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Steps 7 and 8 as the people do them, on a project of its own made like C-04 with three bids: expert08
/// declares no conflict and scores all three; expert06 declares a conflict with the second institution and
/// scores the other two; expert09's sheets were sent earlier (through the same service). The organizer then
/// reads the ranking — every figure on screen equal to the domain's computation for the stored sheets —
/// locks the scores and publishes a shortlist of two.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EvaluationFlowTests(BrowserFixture browser)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    // Shares of each criterion's maximum per bid: near enough that no total is 30% off the panel mean.
    private static readonly decimal[] Expert09Shares = [0.8m, 0.7m, 0.75m];
    private static readonly decimal[] Expert08Shares = [0.85m, 0.7m, 0.8m];

    [Fact]
    public async Task TwoEvaluatorsScore_OneDeclaresAConflict_TheOrganizerRanksFinalisesAndPublishes()
    {
        var (projectId, proposalIds) = await EvaluatingClone.CreateAsync(browser.Factory, ["expert06", "expert08", "expert09"]);
        string code;
        Dictionary<int, string> institutionOf;
        await using (var db = browser.Factory.CreateDbContext())
        {
            code = (await db.Projects.SingleAsync(p => p.Id == projectId)).Code;
            var names = await db.Institutions.ToDictionaryAsync(i => i.Id, i => i.NameIn(English));
            institutionOf = await db.Proposals.Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => names[p.InstitutionId]);
        }

        // expert09 scored earlier, with nothing to declare.
        var evaluations = browser.Factory.Services.GetRequiredService<Evaluations>();
        var sheets = browser.Factory.Services.GetRequiredService<ScoreSheets>();
        var expert09 = ScoringStage.Evaluator("expert09");
        await evaluations.DeclareAsync(expert09, projectId, []);
        var typed = (await sheets.SheetAsync(expert09, proposalIds[0])).Rubric.Where(l => !l.IsPrice).ToList();
        foreach (var (id, share) in proposalIds.Zip(Expert09Shares))
            await sheets.SubmitAsync(expert09, id, new SheetInput([.. typed.Select(l => new CriterionInput(l.CriterionId, Half(l.MaxPoints * share), null))], null), null);

        // expert08: from its home page to the project, no conflict, then each proposal scored and submitted.
        var expert08 = await browser.SignInAsync("expert08");
        await BrowserFixture.GotoAsync(expert08, Routes.EvaluatorHome);
        await expert08.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();
        await DeclareAsync(expert08, institutionOf, conflictWith: null);
        foreach (var (id, share) in proposalIds.Zip(Expert08Shares))
            await ScoreAsync(expert08, id, share);
        await BrowserFixture.ScreenshotAsync(expert08, "evaluation-flow-submitted-en");

        // expert06: a conflict with the second bidder, which then has no link and no page for it.
        var expert06 = await browser.SignInAsync("expert06");
        await BrowserFixture.GotoAsync(expert06, Routes.EvaluatorProject(projectId));
        await DeclareAsync(expert06, institutionOf, conflictWith: proposalIds[1]);
        var list = expert06.Locator("[data-proposal-list]");
        await Assertions.Expect(list).ToContainTextAsync("Conflict declared");
        await Assertions.Expect(list.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(expert06, "evaluation-flow-conflict-en");
        await BrowserFixture.GotoAsync(expert06, Routes.EvaluatorProposal(proposalIds[1]));
        await Assertions.Expect(expert06.Locator("[data-part=score-sheet]")).ToHaveCountAsync(0);
        Assert.DoesNotContain(institutionOf[proposalIds[1]], await expert06.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await ScoreAsync(expert06, proposalIds[0], 0.9m);
        await ScoreAsync(expert06, proposalIds[2], 0.75m);

        // The organizer's ranking is the domain's, figure for figure.
        var expected = await ExpectedRankingAsync(projectId);
        var organizer = await browser.SignInAsync("organizer");
        await organizer.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.GotoAsync(organizer, Routes.ProjectEvaluation(projectId));
        await Assertions.Expect(organizer.GetByTestId("ranking-provisional")).ToHaveCountAsync(0);
        var rows = organizer.Locator("[data-testid=ranking-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var line = expected[i];
            var cells = rows.Nth(i).Locator("td");
            Assert.Equal($"{line.Rank}", (await cells.Nth(0).InnerTextAsync()).Trim());
            Assert.StartsWith(institutionOf[line.ProposalId], (await cells.Nth(1).InnerTextAsync()).Trim(), StringComparison.Ordinal);
            Assert.Equal(Text(line.Score), (await cells.Nth(2).InnerTextAsync()).Trim());
            var criteria = line.CriterionAverages.OrderBy(c => c.Key).Select(c => Text(c.Value)).ToList();
            for (var c = 0; c < criteria.Count; c++) Assert.Equal(criteria[c], (await cells.Nth(3 + c).InnerTextAsync()).Trim());
        }
        // The conflicted evaluator is left out of the second proposal's average: two sheets, not three.
        Assert.Equal(2, expected.Single(l => l.ProposalId == proposalIds[1]).Evaluators.Count);
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "evaluation-flow-ranking-en");

        // Lock, then send the top two to the sponsor.
        await organizer.GetByTestId("finalise").ClickAsync();
        var lockDialog = organizer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(lockDialog).ToContainTextAsync("can no longer change their scores");
        await lockDialog.GetByRole(AriaRole.Button, new() { Name = "Lock", Exact = true }).ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("publish")).ToBeVisibleAsync();
        await organizer.Locator("input[data-testid=shortlist-size], [data-testid=shortlist-size] input").First.FillAsync("2");
        await organizer.Locator("input[data-testid=shortlist-size], [data-testid=shortlist-size] input").First.BlurAsync();
        await Assertions.Expect(organizer.GetByTestId("shortlist-preview")).ToContainTextAsync(institutionOf[expected[1].ProposalId]);
        await organizer.GetByTestId("publish").ClickAsync();
        var confirm = organizer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync(institutionOf[expected[0].ProposalId]);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(organizer.Locator("tr.shortlisted")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(organizer, "evaluation-flow-published-en");
        await using (var db = browser.Factory.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Shortlist).SingleAsync(p => p.Id == projectId);
            Assert.Equal(ProjectStatus.Shortlisted, project.Status);
            Assert.Equal(expected.Take(2).Select(l => l.ProposalId), project.Shortlist.OrderBy(s => s.Position).Select(s => s.ProposalId));
        }
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("zh-CN", Routes.ProjectEvaluation(projectId)));
        await Assertions.Expect(organizer.Locator("tr.shortlisted")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(organizer, "evaluation-flow-published-zh");
    }

    /// <summary>The declaration form: "no conflict" for each bidder but the one named, which gets a conflict and its reason.</summary>
    private static async Task DeclareAsync(IPage page, IReadOnlyDictionary<int, string> institutionOf, int? conflictWith)
    {
        var form = page.Locator("[data-declaration]");
        foreach (var (id, name) in institutionOf)
        {
            var bidder = form.Locator("[data-bidder]").Filter(new() { HasText = name });
            await bidder.GetByText(id == conflictWith ? "Conflict of interest" : "No conflict", new() { Exact = true }).ClickAsync();
            if (id == conflictWith) await bidder.Locator("textarea").FillAsync("Taught there part-time until last year");
        }
        await form.GetByRole(AriaRole.Button, new() { Name = "Submit the declaration" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-proposal-list]")).ToBeVisibleAsync();
    }

    /// <summary>Opens the proposal's page, types a share of each maximum, and submits once the draft has saved.</summary>
    private static async Task ScoreAsync(IPage page, int proposalId, decimal share)
    {
        await BrowserFixture.GotoAsync(page, Routes.EvaluatorProposal(proposalId));
        var criteria = page.Locator("[data-part=criterion]:has([data-part=points])");
        var count = await criteria.CountAsync();
        Assert.True(count >= 2, $"{count} typed criteria on the page");
        for (var i = 0; i < count; i++)
        {
            var label = await criteria.Nth(i).Locator("label").First.InnerTextAsync();
            var max = decimal.Parse(new string([.. label.Reverse().SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').Reverse()]), CultureInfo.InvariantCulture);
            await criteria.Nth(i).Locator("input").FillAsync(Half(max * share).ToString(CultureInfo.InvariantCulture));
        }
        await page.Locator("[data-part=draft-status]").Filter(new() { HasText = "Draft saved" }).WaitForAsync();
        await page.Locator("[data-part=submit]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-part=submitted-note]")).ToBeVisibleAsync();
    }

    /// <summary>The domain's ranking for what is stored: criteria, the valid bids, submitted sheets, conflicts.</summary>
    private async Task<IReadOnlyList<RankingLine>> ExpectedRankingAsync(int projectId)
    {
        await using var db = browser.Factory.CreateDbContext();
        var project = await db.Projects.Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts).SingleAsync(p => p.Id == projectId);
        var proposals = await db.Proposals.Include(p => p.Versions).Where(p => p.TenderProjectId == projectId && p.Status == ProposalStatus.Valid).ToListAsync();
        var ids = proposals.Select(p => p.Id).ToList();
        var submitted = await db.ScoreSheets.Include(s => s.Items).Where(s => ids.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted).ToListAsync();
        return ProjectRanking.Compute(project.Criteria,
            [.. proposals.Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))],
            [.. submitted.Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points ?? 0), s.OutlierReason))],
            project.Panel.SelectMany(m => m.Conflicts.Select(c => (m.Id, c.ProposalId))).ToHashSet());
    }

    private static decimal Half(decimal value) => Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2;

    private static string Text(decimal value) => Scoring.Round2(value).ToString("0.00", CultureInfo.InvariantCulture);
}
