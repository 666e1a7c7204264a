using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The download links on the list pages and the dashboard, in both languages, as a person sees them; and one link
/// followed: a plain link that saves the file.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DownloadLinksScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", "Download CSV", "Open data (OCDS 1.1, JSON)")]
    [InlineData("zh-CN", "下载 CSV", "开放数据（OCDS 1.1，JSON）")]
    public async Task Organizer_SeesTheDownloadLinks_AndTheOpenDataLinkSavesAFile(string locale, string csv, string openData)
    {
        var suffix = locale.StartsWith("en", StringComparison.Ordinal) ? "en" : "zh";
        var page = await browser.SignInAsync("organizer", locale);

        await BrowserFixture.GotoAsync(page, BidPortal.Web.Routes.Dashboard);
        // Each campaign has its own open-data link (the current one first), and each list its CSV.
        Assert.Equal(2, await page.GetByRole(AriaRole.Link, new() { Name = openData }).CountAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = openData }).First).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = csv }).CountAsync() >= 2, "a list without its CSV link");
        await BrowserFixture.ScreenshotAsync(page, $"downloads-dashboard-{suffix}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = openData }).First.ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);

        await BrowserFixture.GotoAsync(page, BidPortal.Web.Routes.ReviewQueue);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = csv })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"downloads-review-queue-{suffix}");

        await BrowserFixture.GotoAsync(page, BidPortal.Web.Routes.Directory);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = csv })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"downloads-directory-{suffix}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sponsor_SeesTheLinksOnItsHome_InChinese()
    {
        var page = await browser.SignInAsync("sponsor.czj", "zh-CN");
        await BrowserFixture.GotoAsync(page, BidPortal.Web.Routes.SponsorHome);
        Assert.Equal(2, await page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel" }).CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "downloads-sponsor-home-zh");
        await page.Context.CloseAsync();
    }
}
