using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Rubrics as people see them: the organizer's campaign default and a draft project's rubric (nothing saved, so the
/// shared database stays as other tests expect it), and the rubric in an invited institution's call.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RubricPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "默认评分标准", "合计 100 / 100", "合计 95 / 100", "满分 3")]
    [InlineData("en-US", "Default rubric", "Total 100 / 100", "Total 95 / 100", "Max points 3")]
    public async Task Organizer_SeesTheCampaignDefault_WithALiveTotal(string locale, string title, string full, string short95, string points3)
    {
        int campaignId;
        await using (var db = browser.Factory.CreateDbContext())
            campaignId = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings).Id;
        var organizer = await browser.SignInAsync("organizer", locale);
        await BrowserFixture.GotoAsync(organizer, Web.Routes.CampaignRubric(campaignId));
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(organizer.GetByTestId("rubric-total")).ToHaveTextAsync(full);
        await BrowserFixture.ScreenshotAsync(organizer, $"rubric-campaign-{locale}");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await organizer.GetByLabel(points3, new() { Exact = true }).FillAsync("15");
        await organizer.GetByLabel(points3, new() { Exact = true }).BlurAsync();
        await Assertions.Expect(organizer.GetByTestId("rubric-total")).ToHaveTextAsync(short95);
        await BrowserFixture.ScreenshotAsync(organizer, $"rubric-campaign-95-{locale}");
    }

    [Theory]
    [InlineData("zh-CN", "评分标准")]
    [InlineData("en-US", "Rubric")]
    public async Task Organizer_SeesADraftProjectsRubric_AndAPublishedOneReadOnly(string locale, string heading)
    {
        int draftId, publishedId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
            var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
            var filing = new Filing(campaign, unit, Build.Details(start: DateOnly.FromDateTime(DateTime.Today.AddDays(60))), TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(true, TimeProvider.System);
            var project = TenderProject.Consolidate(campaign, "C-7" + (locale == "en-US" ? "1" : "2"), "现代财政管理专题培训班", "Modern public finance",
                "由单一备案项目形成", BidPortal.Domain.Campaigns.Theme.EconomicManagement, ["finance"], [filing]);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            draftId = project.Id;
            publishedId = (await db.Projects.SingleAsync(p => p.Code == "C-02")).Id;
        }
        var organizer = await browser.SignInAsync("organizer", locale);
        await BrowserFixture.GotoAsync(organizer, Web.Routes.Project(draftId));
        var panel = organizer.GetByTestId("project-rubric");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
        await panel.ScrollIntoViewIfNeededAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"rubric-project-draft-{locale}.png") });
        await BrowserFixture.AssertAccessibleAsync(organizer);

        await BrowserFixture.GotoAsync(organizer, Web.Routes.Project(publishedId));
        await Assertions.Expect(organizer.GetByTestId("rubric-readonly")).ToBeVisibleAsync();
        await organizer.GetByTestId("project-rubric").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"rubric-project-published-{locale}.png") });
    }

    [Theory]
    [InlineData("zh-CN", "最低有效报价 ÷ 本报价")]
    [InlineData("en-US", "lowest valid price ÷ this price")]
    public async Task InvitedInstitution_SeesTheRubricInTheCall(string locale, string formula)
    {
        int projectId, pkuId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            projectId = (await db.Projects.SingleAsync(p => p.Code == "C-02")).Id;
            pkuId = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
        }
        var pku = await browser.SignInAsync("inst.pku", locale);
        await BrowserFixture.GotoAsync(pku, Web.Routes.InstitutionProject(pkuId, projectId));
        var criteria = pku.Locator("tr[data-part=criteria]");
        await Assertions.Expect(criteria).ToContainTextAsync(formula);
        await criteria.ScrollIntoViewIfNeededAsync();
        await criteria.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"rubric-call-{locale}.png") });
        await BrowserFixture.AssertAccessibleAsync(pku);
    }
}
