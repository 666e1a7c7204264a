using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Consolidation = BidPortal.Web.Features.Consolidation.Consolidation;
using BidPortal.Web.Features.Consolidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The organizer corrects a draft like C-01's tags on its page and the list is drawn again; the pages the demo
/// data feeds (consolidation, a project, an institution's list) are photographed in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RoutingScreensTests(BrowserFixture browser)
{
    [Fact]
    public async Task Organizer_AddsATag_TheListGainsItsInstitutions_AndTakingItOffAgainRestoresTheList()
    {
        var projectId = await DraftLikeC01Async();
        var organizer = await browser.SignInAsync("organizer");
        await BrowserFixture.GotoAsync(organizer, Routes.Project(projectId));
        await Assertions.Expect(organizer.Locator("tr[data-institution=OUC]")).ToContainTextAsync("environment");
        await Assertions.Expect(organizer.Locator("tr[data-institution=SUFE]")).ToContainTextAsync("Not invited");
        await BrowserFixture.ScreenshotAsync(organizer, "routing-project-en");

        await SetFinanceAsync(organizer, "finance");
        await Assertions.Expect(organizer.GetByText("Institutions added: 4; taken off: 0.")).ToBeVisibleAsync();
        await Assertions.Expect(organizer.Locator("tr[data-institution=SUFE]")).ToContainTextAsync("Shares: finance");
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "routing-retagged-en");

        await SetFinanceAsync(organizer, "finance");
        await Assertions.Expect(organizer.GetByText("Institutions added: 0; taken off: 4.")).ToBeVisibleAsync();
        await Assertions.Expect(organizer.Locator("tr[data-institution=SUFE]")).ToContainTextAsync("Not invited");
        await using var check = browser.Factory.CreateDbContext();
        Assert.DoesNotContain("finance", (await check.Projects.SingleAsync(p => p.Id == projectId)).Tags);
    }

    /// <summary>
    /// A draft project made like the demo's C-01 (the same bureaus' courses, its title and tags), fresh for
    /// each test: other browser tests publish C-01 itself, and tags can be changed only on a draft.
    /// </summary>
    private async Task<int> DraftLikeC01Async()
    {
        var consolidation = browser.Factory.Services.GetRequiredService<Consolidation>();
        List<int> ids;
        TenderProject model;
        await using (var db = browser.Factory.CreateDbContext())
        {
            model = await db.Projects.Include(p => p.Sources).ThenInclude(f => f.SponsorUnit).SingleAsync(p => p.Code == "C-01");
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == model.CampaignId);
            var filings = model.Sources.Select(f => new Filing(campaign, f.SponsorUnit!, new FilingDetails(f.Title, f.Theme, f.TargetTrainees,
                f.Headcount, f.Days, f.PlannedStart, f.PlannedEnd, f.Place, f.Budget, f.Objectives, f.IsCrossUnit, f.IsMajorTopic), TimeProvider.System)).ToList();
            foreach (var filing in filings)
            {
                filing.Submit(TimeProvider.System);
                filing.Approve(intoSpecialPlan: true, TimeProvider.System);
            }
            db.Filings.AddRange(filings);
            await db.SaveChangesAsync();
            ids = [.. filings.Select(f => f.Id)];
        }
        return await consolidation.MergeAsync(Actors.Organizer, new MergeRequest(ids, "R-" + Guid.NewGuid().ToString("N")[..6], model.Title,
            model.TitleEn, "", string.Join(", ", model.Tags), model.Headcount, model.BudgetCeiling));
    }

    /// <summary>Toggles one tag in the editor's list and saves.</summary>
    private static async Task SetFinanceAsync(IPage page, string tag)
    {
        await page.Locator("[data-tags-editor] .mud-select").First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = tag, Exact = true }).ClickAsync();
        // Close the list by clicking beside it, as a person would, before the button below is reachable.
        await page.Mouse.ClickAsync(1000, 110);
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = tag, Exact = true })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the tags and redraw the list" }).ClickAsync();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task DemoPages_InBothLanguages_AreScreenshotted(string locale)
    {
        var projectId = await DraftLikeC01Async();
        int oucId;
        await using (var db = browser.Factory.CreateDbContext())
        {
            oucId = (await db.Institutions.SingleAsync(i => i.Code == "OUC")).Id;
        }
        var organizer = await browser.SignInAsync("organizer", locale);
        await BrowserFixture.GotoAsync(organizer, Routes.Consolidation);
        await BrowserFixture.ScreenshotAsync(organizer, $"routing-consolidation-{locale}");
        await BrowserFixture.GotoAsync(organizer, Routes.Project(projectId));
        await Assertions.Expect(organizer.Locator("[data-tags-editor]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organizer, $"routing-c01-{locale}");

        var ouc = await browser.SignInAsync("inst.ouc", locale);
        await BrowserFixture.GotoAsync(ouc, Routes.InstitutionHome(oucId));
        await BrowserFixture.ScreenshotAsync(ouc, $"routing-ouc-list-{locale}");
    }
}
