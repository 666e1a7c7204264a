using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The organizer's dashboard as a person reads it: at 1280 px nothing scrolls sideways, the funnel's names and
/// figures are real text of at least 12 px, the steps share one scale (26, 30, 41, 43 and 60 compare at a glance) while
/// the proposals run off it, broken and with their figure, the 2011 report's figures are there, and each campaign has its summary PDF.
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
            () => [...document.querySelectorAll("[data-chart] .bar-label, [data-chart] .bar-value, [data-chart] .bar-break")]
                .map(e => parseFloat(getComputedStyle(e).fontSize))
            """);
        Assert.True(sizes.Length >= 2 * 2 * 7, $"only {sizes.Length} labels");
        Assert.True(sizes.Min() >= 12, $"a chart label is {sizes.Min()} px");
        // The steps share one scale: 43 is to 26 as the bars' lengths, the widest of them the 60 filings; the
        // proposals (another unit) are off that scale, drawn broken (≫) past it, and the note says so.
        var widths = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll("[data-chart='funnel'] [data-year='2011'] .bar-fill")].map(e => e.getBoundingClientRect().width)
            """);
        Assert.Equal(7, widths.Length);
        var ratio = widths[2] / widths[3];
        Assert.True(Math.Abs(ratio / (43.0 / 26) - 1) < 0.05, $"the 43 bar is {ratio:0.00} times the 26 bar, not 43/26");
        Assert.True(Math.Abs(widths[1] / widths[0] / (30.0 / 60) - 1) < 0.05, "the 30 bar is not half the 60 bar");
        double[] shared = [widths[0], widths[1], widths[2], widths[3], widths[5], widths[6]];
        Assert.Equal(shared.Max(), widths[0]);
        Assert.True(widths[3] >= 0.35 * widths[0], $"the 26 bar is a stub ({widths[3]:0} px against {widths[0]:0} px)");
        await Assertions.Expect(page.Locator("[data-chart='funnel'] [data-bar='Funnel.Proposals'][data-year='2011'][data-off-scale='true'] .bar-break"))
            .ToHaveTextAsync("≫");
        Assert.True(widths[4] > widths[0], "the off-scale proposals bar does not run past the scale");
        await Assertions.Expect(page.Locator("[data-funnel-off-scale='2011']")).ToContainTextAsync("≫");

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
        var narrow = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll("[data-chart='funnel'] [data-year='2011'] .bar-fill")].map(e => e.getBoundingClientRect().width)
            """);
        Assert.True(Math.Abs(narrow[2] / narrow[3] / (43.0 / 26) - 1) < 0.05, "at 390 px the 43 bar is not 43/26 of the 26 bar");
        var narrowSizes = await page.EvaluateAsync<double[]>("""
            () => [...document.querySelectorAll("[data-chart] .bar-label, [data-chart] .bar-value")].map(e => parseFloat(getComputedStyle(e).fontSize))
            """);
        Assert.True(narrowSizes.Min() >= 12, $"at 390 px a chart label is {narrowSizes.Min()} px");
        await page.Locator("[data-campaign='2011']").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"dashboard-narrow-{locale}.png") });
        await page.Context.CloseAsync();
    }
}
