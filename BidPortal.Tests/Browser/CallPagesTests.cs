using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>The call for proposals as people see it: the organizer edits a draft's call; an invited institution reads it.</summary>
[Collection(BrowserCollection.Name)]
public class CallPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "保存推介书", "推介书已保存。", "培训地点")]
    [InlineData("en-US", "Save the call", "The call for proposals has been saved.", "Place")]
    public async Task Organizer_EditsTheCallOfADraft_AndSeesItSaved(string locale, string save, string saved, string placeLabel)
    {
        int projectId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
            var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
            var filing = new Filing(campaign, unit, Build.Details(start: DateOnly.FromDateTime(DateTime.Today.AddDays(60))), TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(true, TimeProvider.System);
            var code = "C-8" + (locale == "en-US" ? "1" : "2");
            var project = TenderProject.Consolidate(campaign, code, "现代财政管理专题培训班", "Modern public finance", "由单一备案项目形成",
                BidPortal.Domain.Campaigns.Theme.EconomicManagement, ["finance"], [filing]);
            project.Invite(await db.Institutions.SingleAsync(i => i.Code == "SUFE"), InvitationBasis.SharedTag);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            projectId = project.Id;
        }
        var organizer = await browser.SignInAsync("organizer", locale);
        await BrowserFixture.GotoAsync(organizer, Web.Routes.Project(projectId));
        await organizer.GetByLabel(placeLabel, new() { Exact = true }).FillAsync("东营市委党校");
        await organizer.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
        await Assertions.Expect(organizer.GetByText(saved)).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, $"call-editor-{locale}");
    }

    [Theory]
    [InlineData("zh-CN", "推介书", "北京时间")]
    [InlineData("en-US", "Call for proposals", "Beijing time")]
    public async Task InvitedInstitution_ReadsTheWholeCall(string locale, string heading, string zone)
    {
        int projectId, pkuId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            projectId = (await db.Projects.SingleAsync(p => p.Code == "C-02")).Id;
            pkuId = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
        }
        var pku = await browser.SignInAsync("inst.pku", locale);
        await BrowserFixture.GotoAsync(pku, Web.Routes.InstitutionProject(pkuId, projectId));
        await Assertions.Expect(pku.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(pku.Locator("tr[data-part=deadline]")).ToContainTextAsync(zone);
        await Assertions.Expect(pku.GetByText("由单一备案项目形成")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(pku);
        await BrowserFixture.ScreenshotAsync(pku, $"call-institution-{locale}");
    }
}
