using System.Globalization;
using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Steps 1 and 2 as people do them: a sponsor files a course with its notice, the organizer approves
/// it and merges it with another approved filing, and both see the consolidated project.
/// </summary>
[Collection(BrowserCollection.Name)]
public class FilingFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task SponsorFiles_OrganizerApprovesAndMerges_BothSeeTheProject()
    {
        var title = "教育系统数字化转型专题培训班 " + Guid.NewGuid().ToString("N")[..6];
        var start = DateTime.Today.AddDays(60);

        // The sponsor fills in the form.
        var sponsor = await browser.SignInAsync("sponsor.jyj");
        await sponsor.GetByRole(AriaRole.Link, new() { Name = "New filing" }).First.ClickAsync();
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(sponsor.GetByText("fields need attention")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(sponsor);
        await BrowserFixture.ScreenshotAsync(sponsor, "filing-form-errors");

        await sponsor.GetByLabel("Title").FillAsync(title);
        await sponsor.Locator(".mud-select").Filter(new() { HasText = "Theme" }).First.ClickAsync();
        await sponsor.GetByRole(AriaRole.Option, new() { Name = "Social management" }).ClickAsync();
        await sponsor.GetByLabel("Target trainees").FillAsync("中小学校长");
        await sponsor.GetByLabel("Headcount").FillAsync("45");
        await sponsor.GetByLabel("Days").FillAsync("5");
        await FillDateAsync(sponsor, "Planned start", start);
        await FillDateAsync(sponsor, "Planned end", start.AddDays(4));
        await sponsor.GetByLabel("Place").FillAsync("北京");
        await sponsor.GetByLabel("Budget (CNY)").FillAsync("168000");
        await sponsor.GetByLabel("Objectives").FillAsync("提升校长数字化领导力");
        await sponsor.GetByLabel("Major topic").CheckAsync();
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        // The draft's page: documents due ten days before the course, the notice uploaded, then submitted.
        await Assertions.Expect(sponsor.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(sponsor.Locator("tr[data-document=CourseNotice] td").First)
            .ToHaveTextAsync(start.AddDays(-10).ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        await sponsor.SetInputFilesAsync("#upload-CourseNotice", new FilePayload
        {
            Name = "course-notice.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% course notice\n"u8.ToArray(),
        });
        await Assertions.Expect(sponsor.GetByRole(AriaRole.Link, new() { Name = "course-notice.pdf" })).ToBeVisibleAsync();
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(sponsor.GetByText("Submitted", new() { Exact = true }).First).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(sponsor);
        await BrowserFixture.ScreenshotAsync(sponsor, "filing-submitted");
        var filingUrl = sponsor.Url;

        // The organizer finds it in the queue and approves it into the plan.
        var organizer = await browser.SignInAsync("organizer");
        await organizer.GetByRole(AriaRole.Link, new() { Name = "Filing review" }).First.ClickAsync();
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = "Filing review", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "review-queue");
        await organizer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        // One click: a second try would hide a lost click and could approve twice.
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(organizer.GetByText("Approved", new() { Exact = true }).First).ToBeVisibleAsync();

        // Consolidation: this filing and the planning bureau's approved one, merged into one project.
        await organizer.GetByRole(AriaRole.Link, new() { Name = "Consolidation" }).First.ClickAsync();
        await organizer.Locator("tr").Filter(new() { HasText = title }).GetByRole(AriaRole.Checkbox).CheckAsync();
        await organizer.Locator("tr").Filter(new() { HasText = "Dongying Planning Bureau" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await Assertions.Expect(organizer.GetByText("Merge the 2 selected into one project")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "consolidation");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Merge into a project" }).ClickAsync();
        await Assertions.Expect(organizer.GetByText("Source filings (2)")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organizer, "consolidated-project");

        await using var db = browser.Factory.CreateDbContext();
        var filing = await db.Filings.SingleAsync(f => f.Title == title);
        var project = await db.Projects.Include(p => p.Sources).SingleAsync(p => p.Id == filing.TenderProjectId);
        Assert.Equal(FilingStatus.Consolidated, filing.Status);
        // The next free code of the current campaign (the demo has C-01 … C-06).
        Assert.Matches(@"^C-(0[7-9]|[1-9]\d)$", project.Code);
        Assert.Equal(project.Sources.Sum(f => f.Headcount), project.Headcount);
        Assert.Equal(project.Sources.Sum(f => f.Budget), project.BudgetCeiling);
        await Assertions.Expect(organizer.GetByText(project.Code).First).ToBeVisibleAsync();

        // The sponsor sees where its filing went.
        await BrowserFixture.GotoAsync(sponsor, filingUrl);
        await Assertions.Expect(sponsor.GetByText($"Consolidated into {project.Code}")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(sponsor, "filing-consolidated");
        await sponsor.Context.CloseAsync();
        await organizer.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN", "备案审核", "项目整合", "培训机构名录", "北京大学", "2011年度专题培训计划")]
    [InlineData("en-US", "Filing review", "Consolidation", "Institution directory", "Peking University", "2011 special training plan")]
    public async Task OrganizerGrids_AndThePlansLinks_InEachLanguage(string locale, string queue, string consolidation, string directory,
        string institution, string plan)
    {
        var organizer = await browser.SignInAsync("organizer", locale);
        await BrowserFixture.GotoAsync(organizer, "/organizer/filings");
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = queue, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(organizer.GetByText(plan)).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organizer, $"review-queue-{locale}");
        await BrowserFixture.GotoAsync(organizer, "/organizer/consolidation");
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = consolidation, Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organizer, $"consolidation-{locale}");
        await BrowserFixture.GotoAsync(organizer, "/organizer/institutions");
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = directory, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(organizer.GetByRole(AriaRole.Link, new() { Name = institution })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(organizer, $"directory-{locale}");
        await organizer.Context.CloseAsync();

    }

    private static async Task FillDateAsync(IPage page, string label, DateTime date)
    {
        var input = page.GetByLabel(label);
        await input.FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await input.PressAsync("Enter");
        await page.Keyboard.PressAsync("Escape");
    }
}
