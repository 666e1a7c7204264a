using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The scoring page as an evaluator meets it: the document beside the sheet, a draft saving itself, the reason box
/// when the total is far from the others', and after submitting the others' scores — in Chinese and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ScoringScreensTests(BrowserFixture browser)
{
    [Fact]
    public async Task Evaluator_DraftsFlagsAndSubmits_AndThenSeesTheOthers()
    {
        // A project of its own: the shared browser database keeps the demo's C-04 as it is for the other tests.
        var (clone, _) = await EvaluatingClone.CreateAsync(browser.Factory, ["expert04", "expert05", "expert06"]);
        var stage = await ScoringStage.BuildAsync(browser.Factory, ["expert04", "expert05", "expert06"], projectId: clone);
        var sheets = browser.Factory.Services.GetRequiredService<ScoreSheets>();
        var proposal = stage.ProposalIds[0];
        foreach (var other in new[] { "expert05", "expert06" })
            await sheets.SubmitAsync(ScoringStage.Evaluator(other), proposal,
                new SheetInput([.. stage.Typed.Select(c => new CriterionInput(c.Id, c.MaxPoints, "很好"))], "推荐"), null);

        var page = await browser.SignInAsync("expert04", "zh-CN");
        await BrowserFixture.GotoAsync(page, Routes.EvaluatorProposal(proposal));
        var inputs = page.Locator("[data-part=criterion] input");
        for (var i = 0; i < await inputs.CountAsync(); i++) await inputs.Nth(i).FillAsync("2");
        await page.Locator("[data-part=criterion] textarea").First.FillAsync("课程设计较弱");
        await page.Locator("[data-part=draft-status]").Filter(new() { HasText = "已保存草稿" }).WaitForAsync();
        await page.WaitForTimeoutAsync(1500);
        await BrowserFixture.ScreenshotAsync(page, "scoring-draft-zh");

        // Far from the others: the reason is asked for before the confirmation.
        await page.Locator("[data-part=submit]").ClickAsync();
        await page.Locator("[data-part=reason-needed]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "scoring-flagged-zh");

        await page.Locator("textarea[data-part=outlier-reason], [data-part=outlier-reason] textarea").First.FillAsync("师资与课程均不符合需求");
        await page.Locator("[data-part=submit]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await page.Locator("[data-part=others-scores]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "scoring-submitted-zh");

        var english = await browser.SignInAsync("expert04", "en");
        await BrowserFixture.GotoAsync(english, Routes.EvaluatorProposal(proposal));
        await english.Locator("[data-part=others-scores]").WaitForAsync();
        await english.WaitForTimeoutAsync(1500);
        await BrowserFixture.ScreenshotAsync(english, "scoring-submitted-en");
        await BrowserFixture.GotoAsync(english, Routes.EvaluatorProposal(stage.ProposalIds[1]));
        await english.Locator("[data-part=score-sheet]").WaitForAsync();
        await english.WaitForTimeoutAsync(2000);
        await BrowserFixture.ScreenshotAsync(english, "scoring-draft-en");
        Assert.Equal(1, await english.Locator("iframe[data-part=document-frame]").CountAsync());
        Assert.Equal(1, await english.Locator("a[data-part=document-download]").CountAsync());
    }
}
