using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Step 6 as people do it: before the opening the organizer sees only how many bids arrived and when; after the
/// deadline it opens C-03 (the demo's project awaiting opening) and the record lists its five bidders; Peking
/// University, one of them, then reads the same record on its own project page. No other browser test relies on
/// C-03 staying unopened.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OpeningFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task OrganizerSeesOnlyArrivals_OpensAfterTheDeadline_AndABidderSeesTheRecord()
    {
        int c02, c03, pkuId;
        Dictionary<string, string> english;
        await using (var db = browser.Factory.CreateDbContext())
        {
            c02 = (await db.Projects.SingleAsync(p => p.Code == "C-02" && p.Status == ProjectStatus.Open)).Id;
            c03 = (await db.Projects.SingleAsync(p => p.Code == "C-03")).Id;
            pkuId = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
            english = (await db.Institutions.ToListAsync()).ToDictionary(i => i.Code, i => i.NameIn(System.Globalization.CultureInfo.GetCultureInfo("en")));
        }

        // Before its deadline: a count and the times, never who or at what price.
        var organizer = await browser.SignInAsync("organizer");
        await BrowserFixture.GotoAsync(organizer, Routes.Project(c02));
        var panel = organizer.Locator("[data-opening-panel]");
        await Assertions.Expect(panel).ToContainTextAsync("proposals received");
        await Assertions.Expect(panel).ToContainTextAsync("Proposals can be opened after the deadline");
        await Assertions.Expect(panel).Not.ToContainTextAsync(english["PKU"]);
        await Assertions.Expect(panel).Not.ToContainTextAsync("¥");
        await Assertions.Expect(organizer.GetByRole(AriaRole.Button, new() { Name = "Open the proposals" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "opening-sealed-en");
        await Panel(organizer, "opening-panel-sealed-en");
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("zh-CN", Routes.Project(c02)));
        await Assertions.Expect(organizer.Locator("[data-opening-panel]")).ToContainTextAsync("份投标");
        await BrowserFixture.ScreenshotAsync(organizer, "opening-sealed-zh");
        await Panel(organizer, "opening-panel-sealed-zh");
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.Project(c03)));

        // After the deadline: open, confirmed first.
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Open the proposals" }).ClickAsync();
        var confirm = organizer.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("Every bidding institution will see the record");
        await BrowserFixture.ScreenshotAsync(organizer, "opening-confirm-en");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
        var record = organizer.Locator(".opening-record");
        foreach (var code in new[] { "PKU", "THU", "SUFE", "XNAI", "NAU" })
            await Assertions.Expect(record).ToContainTextAsync(english[code]);
        await Assertions.Expect(organizer.GetByRole(AriaRole.Link, new() { Name = "Download the opening record (PDF)" })).ToHaveAttributeAsync("href", Routes.OpeningRecordPdf(c03));
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "opening-record-en");
        await Panel(organizer, "opening-panel-record-en");
        // The PDF link is a plain download; kept beside the screenshots to be looked at.
        var pdf = await organizer.APIRequest.GetAsync(Routes.OpeningRecordPdf(c03));
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("attachment", pdf.Headers["content-disposition"], StringComparison.Ordinal);
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "opening-record-en.pdf"), await pdf.BodyAsync());
        await using (var db = browser.Factory.CreateDbContext())
        {
            var status = (await db.Projects.SingleAsync(p => p.Id == c03)).Status;
            Assert.True(status is ProjectStatus.Opened or ProjectStatus.Unsuccessful, $"{status}");
            // The demo's bids carry no sealed file yet: none can be checked, so the tender is unsuccessful.
            if (status == ProjectStatus.Unsuccessful)
            {
                await Assertions.Expect(organizer.Locator("[data-unsuccessful]")).ToContainTextAsync("minimum 3");
                await Assertions.Expect(organizer.GetByRole(AriaRole.Button, new() { Name = "Re-tender" })).ToBeVisibleAsync();
            }
        }
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("zh-CN", Routes.Project(c03)));
        await Assertions.Expect(organizer.Locator(".opening-record")).ToContainTextAsync("北京大学");
        await BrowserFixture.ScreenshotAsync(organizer, "opening-record-zh");
        await Panel(organizer, "opening-panel-record-zh");
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.Project(c03)));

        // A bidder sees the record, as in a public opening.
        var pku = await browser.SignInAsync("inst.pku");
        await BrowserFixture.GotoAsync(pku, Routes.InstitutionProject(pkuId, c03));
        var seen = pku.Locator(".opening-record");
        foreach (var code in new[] { "PKU", "THU", "SUFE", "XNAI", "NAU" })
            await Assertions.Expect(seen).ToContainTextAsync(english[code]);
        await BrowserFixture.AssertAccessibleAsync(pku);
        await BrowserFixture.ScreenshotAsync(pku, "opening-record-bidder-en");
        await BrowserFixture.GotoAsync(pku, Routes.Culture("zh-CN", Routes.InstitutionProject(pkuId, c03)));
        await Assertions.Expect(pku.Locator(".opening-record")).ToContainTextAsync("北京大学");
        await BrowserFixture.ScreenshotAsync(pku, "opening-record-bidder-zh");
        await pku.Locator(".opening-record").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "opening-table-bidder-zh.png") });
        await BrowserFixture.GotoAsync(pku, Routes.Culture("en", Routes.InstitutionProject(pkuId, c03)));
    }

    /// <summary>The opening panel alone, close enough to read.</summary>
    private static Task<byte[]> Panel(IPage page, string name) =>
        page.Locator("[data-opening-panel]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png") });
}
