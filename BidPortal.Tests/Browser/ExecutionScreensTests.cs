using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The execution screens as people see them, without changing the shared demo: the organizer's list of the
/// current campaign (C-06 in execution) and of 2011 (41 completed, filtered by stage), the lead sponsor's record
/// form on C-06 from its home, and a completed 2011 project read-only with its report rule — in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ExecutionScreensTests(BrowserFixture browser)
{
    [Fact]
    public async Task OrganizerAndLeadSponsor_SeeTheExecutionScreens_InBothLanguages()
    {
        int c06, current, old, completed, awardedNow;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Code == "C-06" && p.Status == ProjectStatus.Awarded);
            (c06, current) = (project.Id, project.CampaignId);
            old = (await db.Campaigns.SingleAsync(c => c.Year == 2011)).Id;
            completed = (await db.Projects.Where(p => p.CampaignId == old && p.Status == ProjectStatus.Completed).OrderBy(p => p.Code).FirstAsync()).Id;
            // Other browser tests award projects of their own in this campaign (none with a report due yet).
            awardedNow = await db.Projects.CountAsync(p => p.CampaignId == current && p.Status == ProjectStatus.Awarded);
        }

        var organizer = await browser.SignInAsync("organizer");
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.CampaignExecution(current)));
        await Assertions.Expect(organizer.Locator("tr[data-project='C-06']")).ToContainTextAsync("In execution");
        await Assertions.Expect(organizer.Locator("[data-stage='InExecution']")).ToContainTextAsync($"In execution: {awardedNow}");
        await BrowserFixture.ScreenshotAsync(organizer, "execution-campaign-en");
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("zh-CN", Routes.CampaignExecution(current)));
        await Assertions.Expect(organizer.Locator("tr[data-project='C-06']")).ToContainTextAsync("执行中");
        await BrowserFixture.ScreenshotAsync(organizer, "execution-campaign-zh");

        await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.CampaignExecution(old)));
        await BrowserFixture.WaitForInteractiveAsync(organizer);
        await Assertions.Expect(organizer.Locator("[data-stage='Completed']")).ToContainTextAsync("Completed: 41");
        await organizer.Locator("[data-stage='InExecution']").ClickAsync();
        await Assertions.Expect(organizer.Locator("tbody tr[data-project]")).ToHaveCountAsync(0);
        await organizer.Locator("[data-stage='Completed']").ClickAsync();
        await Assertions.Expect(organizer.Locator("tbody tr[data-project]")).ToHaveCountAsync(41);
        await BrowserFixture.ScreenshotAsync(organizer, "execution-campaign-2011-en");

        await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.ProjectExecution(completed)));
        await Assertions.Expect(organizer.Locator("[data-section='report']")).ToContainTextAsync("within 15 days");
        await Assertions.Expect(organizer.Locator("[data-field='start']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(organizer, "execution-completed-en");
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("zh-CN", Routes.ProjectExecution(completed)));
        await BrowserFixture.ScreenshotAsync(organizer, "execution-completed-zh");

        var sponsor = await browser.SignInAsync("sponsor.hyj", "zh-CN");
        await BrowserFixture.GotoAsync(sponsor, Routes.Culture("zh-CN", Routes.SponsorHome));
        await sponsor.Locator($"a[href='{Routes.ProjectExecution(c06)}']").ClickAsync();
        await sponsor.WaitForURLAsync($"**{Routes.ProjectExecution(c06)}");
        await BrowserFixture.WaitForInteractiveAsync(sponsor);
        await Assertions.Expect(sponsor.Locator("[data-section='report']")).ToContainTextAsync("15 天");
        await Assertions.Expect(sponsor.Locator("[data-action='save']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(sponsor, "execution-project-zh");
        await BrowserFixture.GotoAsync(sponsor, Routes.Culture("en", Routes.ProjectExecution(c06)));
        await Assertions.Expect(sponsor.Locator("[data-section='report']")).ToContainTextAsync("Upload the completion report");
        await BrowserFixture.ScreenshotAsync(sponsor, "execution-project-en");
    }
}
