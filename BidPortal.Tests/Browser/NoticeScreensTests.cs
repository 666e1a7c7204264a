using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The public notice as the demo's objecting bidder (XNAI, off C-05's shortlist) reads it on its project page, and
/// the objections section on the organizer's evaluation page of C-05, in both languages. It only looks.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NoticeScreensTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task TheNotice_AndTheObjections_ReadableInBothLanguages(string culture)
    {
        int c05, xnai;
        await using (var db = browser.Factory.CreateDbContext())
        {
            c05 = (await db.Projects.SingleAsync(p => p.Code == "C-05" && p.Status == ProjectStatus.Shortlisted)).Id;
            xnai = (await db.Institutions.SingleAsync(i => i.Code == "XNAI")).Id;
        }
        var english = culture == "en";
        var page = await browser.SignInAsync("inst.xnai", english ? "en-US" : "zh-CN");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.GotoAsync(page, Routes.InstitutionProject(xnai, c05));
        var notice = page.GetByTestId("notice-section");
        await Assertions.Expect(notice.Locator("[data-testid=notice-table] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("notice-end")).ToContainTextAsync(english ? "Beijing time" : "北京时间");
        await Assertions.Expect(page.GetByTestId("own-objection-answer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("objection-file")).ToHaveCountAsync(0);
        await notice.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, $"notice-c05-xnai-{culture}");

        var organizer = await browser.SignInAsync("organizer", english ? "en-US" : "zh-CN");
        await organizer.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.GotoAsync(organizer, Routes.ProjectEvaluation(c05));
        var objections = organizer.GetByTestId("objections-section");
        await Assertions.Expect(objections.Locator("[data-testid=objection]")).ToHaveCountAsync(1);
        await Assertions.Expect(objections).ToContainTextAsync(english ? "Answered" : "已答复");
        await BrowserFixture.ScreenshotAsync(organizer, $"objections-c05-{culture}");
    }
}
