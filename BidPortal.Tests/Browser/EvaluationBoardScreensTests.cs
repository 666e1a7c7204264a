using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The organizer's evaluation page as a person sees it at 1280 px: the progress board and the ranking of
/// the shortlisted C-05 and of C-04 under evaluation, in both languages. It only looks (opens the reopen form
/// and a row's totals, confirms nothing), so no other browser test depends on it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EvaluationBoardScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task BoardAndRanking_ReadableAt1280_WithWordsNotOnlyColours(string culture)
    {
        int c04, c05;
        await using (var db = browser.Factory.CreateDbContext())
        {
            c04 = (await db.Projects.SingleAsync(p => p.Code == "C-04" && p.Status == ProjectStatus.Evaluating)).Id;
            c05 = (await db.Projects.SingleAsync(p => p.Code == "C-05" && p.Status == ProjectStatus.Shortlisted)).Id;
        }
        var english = culture == "en";
        var page = await browser.SignInAsync("organizer", english ? "en-US" : "zh-CN");
        await page.SetViewportSizeAsync(1280, 900);

        await BrowserFixture.GotoAsync(page, Routes.ProjectEvaluation(c05));
        var board = page.Locator("[data-testid=progress-board]");
        await Assertions.Expect(board.Locator("[data-testid=board-row]").First).ToBeVisibleAsync();
        await Assertions.Expect(board).ToContainTextAsync(english ? "Submitted" : "已提交");
        var ranking = page.Locator("[data-testid=ranking-table]");
        await Assertions.Expect(ranking.Locator("[data-testid=ranking-row]").First).ToBeVisibleAsync();
        await Assertions.Expect(ranking).ToContainTextAsync(english ? "Shortlisted" : "已推荐");
        await ranking.Locator("[data-testid=ranking-row]").First.GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(ranking.Locator("tr.details")).ToBeVisibleAsync();
        await page.GetByTestId("reopen-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reopen-form")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"evaluation-c05-{culture}");
        // Five criteria, price and flags fit the width: no sideways scrolling at 1280 px.
        var overflow = await page.EvaluateAsync<int>("() => { const s = document.querySelector('.ranking-scroll'); return s.scrollWidth - s.clientWidth; }");
        Assert.True(overflow <= 0, $"the ranking scrolls sideways by {overflow} px at 1280 px");

        await BrowserFixture.GotoAsync(page, Routes.ProjectEvaluation(c04));
        await Assertions.Expect(page.Locator("[data-testid=progress-board] [data-testid=board-row]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("finalise")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"evaluation-c04-{culture}");
    }
}
