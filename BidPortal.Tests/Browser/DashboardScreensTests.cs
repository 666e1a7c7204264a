using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The organizer's dashboard as a person reads it: at 1280 px nothing scrolls sideways, the funnel's names and
/// figures are real text of at least 12 px, the 2011 report's figures are there, and each campaign has its summary PDF.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DashboardScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", "7.47 million yuan")]
    [InlineData("zh-CN", "747 万元")]
    public async Task Dashboard_At1280_FitsTheWidth_ReadableFunnel_AndThe2011Figures(string locale, string money)
    {
        var page = await browser.SignInAsync("organizer", locale);
        await page.SetViewportSizeAsync(1280, 900);
        string Bar(string step) => $"[data-chart='funnel'] [data-bar='{step}'][data-year='2011'] .bar-value";
        foreach (var (step, figure) in new[] { ("Funnel.MunicipalFilings", "60"), ("Funnel.InSpecialPlan", "30"), ("Funnel.Consolidated", "43"),
                     ("Funnel.Invited", "26"), ("Funnel.Proposals", "325"), ("Funnel.Awarded", "41"), ("Funnel.Completed", "41") })
            await Assertions.Expect(page.Locator(Bar(step))).ToHaveTextAsync(figure);
        await Assertions.Expect(page.Locator("[data-money-completed='2011']")).ToContainTextAsync(money);
        // The proposals chart has loaded for both campaigns.
        await Assertions.Expect(page.Locator("[data-chart='proposals']")).ToHaveCountAsync(2);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the dashboard scrolls sideways at 1280 px");
        var sizes = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll("[data-chart] .bar-label, [data-chart] .bar-value")]
                .map(e => parseFloat(getComputedStyle(e).fontSize))
            """);
        Assert.True(sizes.Length >= 2 * 2 * 7, $"only {sizes.Length} labels");
        Assert.True(sizes.Min() >= 12, $"a chart label is {sizes.Min()} px");
        // The widest bar of the funnel is the proposals, the smaller steps in proportion, each still visible.
        var widths = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll("[data-chart='funnel'] [data-year='2011'] .bar-fill")].map(e => e.getBoundingClientRect().width)
            """);
        Assert.Equal(7, widths.Length);
        Assert.Equal(widths.Max(), widths[4]);
        Assert.True(widths.Min() >= 3, $"a funnel bar is {widths.Min()} px wide");

        // Each campaign, 2011 too, has its summary PDF and its downloads.
        Assert.Equal(2, await page.Locator("[data-summary-pdf]").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"dashboard-{locale}");
        await page.Locator("[data-campaign='2011']").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"dashboard-2011-{locale}.png") });

        // A narrow screen: still no sideways scroll.
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the dashboard scrolls sideways at 390 px");
        await page.Locator("[data-campaign='2011']").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"dashboard-narrow-{locale}.png") });
        await page.Context.CloseAsync();
    }
}
