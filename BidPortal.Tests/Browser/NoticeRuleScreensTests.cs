using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>The campaign rules page with its notice period and what it applies to, in both languages. It only looks.</summary>
[Collection(BrowserCollection.Name)]
public class NoticeRuleScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task TheNoticePeriod_IsOnTheRulesPage_SayingItAppliesToLaterShortlists(string culture)
    {
        int campaign;
        await using (var db = browser.Factory.CreateDbContext())
            campaign = (await db.Projects.SingleAsync(p => p.Code == "C-05" && p.Round == 1)).CampaignId;
        var english = culture == "en";
        var page = await browser.SignInAsync("organizer", english ? "en-US" : "zh-CN");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.GotoAsync(page, Routes.CampaignRules(campaign));
        var field = page.Locator("input[data-testid=notice-days], [data-testid=notice-days] input").First;
        await Assertions.Expect(field).ToHaveValueAsync("3");
        await Assertions.Expect(page.GetByText(english ? "applies to shortlists published from now on" : "只适用于此后公布的推荐名单", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"rules-notice-{culture}");
    }
}
