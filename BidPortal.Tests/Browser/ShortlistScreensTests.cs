using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The lead sponsor of C-05 (the demo's published shortlist) opens it from its home page, reads it in order at
/// 1280 px and on a phone, in English and Chinese, and downloads the PDF. Reads only: C-05 stays as seeded.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ShortlistScreensTests(BrowserFixture browser)
{
    [Fact]
    public async Task LeadSponsor_OpensTheShortlistFromItsHome_ReadsItInOrder_AndDownloadsThePdf()
    {
        int projectId;
        await using (var db = browser.Factory.CreateDbContext())
            projectId = (await db.Projects.SingleAsync(p => p.Code == "C-05" && p.Status == ProjectStatus.Shortlisted)).Id;

        var page = await browser.SignInAsync("sponsor.czj");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.GotoAsync(page, Routes.SponsorHome);
        await page.GetByRole(AriaRole.Link, new() { Name = "View 3: the shortlist of C-05" }).ClickAsync();
        await page.WaitForURLAsync($"**{Routes.SponsorShortlist(projectId)}");

        var rows = page.Locator("[data-testid=shortlist-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Shandong University");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Peking University");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("Tsinghua University");
        await Assertions.Expect(page.GetByTestId("shortlist-notice")).ToContainTextAsync("The public notice ended on");
        await Assertions.Expect(page.GetByTestId("shortlist-notice")).ToContainTextAsync("(Beijing time)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 1280 px");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "shortlist-en");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download the shortlist (PDF)" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", Routes.ShortlistPdf(projectId));
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("shortlist-C-05.pdf", download.SuggestedFilename);

        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Shandong University");
        await BrowserFixture.ScreenshotAsync(page, "shortlist-narrow-en");

        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.GotoAsync(page, Routes.Culture("zh-CN", Routes.SponsorShortlist(projectId)));
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("山东大学");
        await Assertions.Expect(page.GetByTestId("shortlist-notice")).ToContainTextAsync("（北京时间）");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "下载推荐名单（PDF）" })).ToHaveAttributeAsync("href", Routes.ShortlistPdf(projectId));
        await BrowserFixture.ScreenshotAsync(page, "shortlist-zh");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "shortlist-narrow-zh");
        // Back to English for the account: other browser tests sign in as it.
        await BrowserFixture.GotoAsync(page, Routes.Culture("en", Routes.SponsorHome));
    }
}
