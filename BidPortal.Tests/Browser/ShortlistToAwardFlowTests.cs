using System.Text;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Steps 9 and 10 end to end, on a project of its own made like C-05 (its notice over): the organizer reads the
/// dashboard; the lead sponsor opens the shortlist, downloads the PDF — the same institutions in the same order
/// with the same scores as on screen — and awards the first; the organizer's dashboard then counts one more award
/// and more money contracted; the winner reads that it was awarded.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ShortlistToAwardFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task SponsorDownloadsThePdf_AndAwards_TheOrganizersDashboardMoves()
    {
        var clone = await ShortlistedClone.CreateAsync(browser.Factory);
        int year;
        string winnerName, winnerLogin;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Id == clone.ProjectId);
            year = (await db.Campaigns.SingleAsync(c => c.Id == project.CampaignId)).Year;
            var winner = await db.Institutions.SingleAsync(i => i.Id == clone.Shortlist[0].InstitutionId);
            (winnerName, winnerLogin) = (winner.Name, "inst." + winner.Code.ToLowerInvariant());
        }

        // The organizer's dashboard before the award.
        var organizer = await browser.SignInAsync("organizer", "zh-CN");
        var awarded = organizer.Locator($"[data-chart='funnel'] [data-bar='Funnel.Awarded'][data-year='{year}'] .bar-value");
        var contracted = organizer.Locator($"[data-chart='money'] [data-bar='Contracted'][data-year='{year}'] .bar-value");
        await Assertions.Expect(awarded).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var awardedBefore = int.Parse(await awarded.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var contractedBefore = await contracted.InnerTextAsync();

        // The sponsor reads the shortlist and downloads the PDF.
        var sponsor = await browser.SignInAsync("sponsor.czj", "zh-CN");
        await BrowserFixture.GotoAsync(sponsor, Routes.SponsorShortlist(clone.ProjectId));
        var rows = sponsor.Locator("[data-testid=shortlist-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(clone.Shortlist.Count);
        var screen = new List<(string Name, string Score)>();
        for (var i = 0; i < clone.Shortlist.Count; i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            screen.Add((cells[1].Trim(), cells[2].Trim()));
        }
        Assert.Equal(winnerName, screen[0].Name);
        var download = await sponsor.RunAndWaitForDownloadAsync(() => sponsor.GetByTestId("shortlist-pdf").ClickAsync());
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, $"flow-shortlist-{clone.Code}.pdf");
        await download.SaveAsAsync(path);
        using (var pdf = PdfDocument.Open(path))
        {
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages()) text.Append(string.Concat(page.Letters.Select(l => l.Value)));
            var all = text.ToString();
            var positions = screen.Select(r => all.IndexOf(r.Name, StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0, "an institution on screen is missing from the PDF"));
            Assert.Equal(positions.Order(), positions);
            foreach (var (name, score) in screen)
                Assert.Contains(score, all[all.IndexOf(name, StringComparison.Ordinal)..]);
        }

        // The award of the first (no reason needed), confirmed.
        var panel = sponsor.GetByTestId("award-panel");
        await Assertions.Expect(panel.GetByTestId("award-submit")).ToBeEnabledAsync();
        await panel.GetByTestId("award-submit").ClickAsync();
        var confirm = sponsor.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync(winnerName);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认定标", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.GetByTestId("award-decision")).ToContainTextAsync(winnerName);

        // The dashboard moves: one more award, more money contracted.
        await BrowserFixture.ReloadAsync(organizer);
        await Assertions.Expect(awarded).ToHaveTextAsync((awardedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(contractedBefore, await contracted.InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(organizer, "flow-dashboard-after-award-zh");

        // The winner reads its outcome.
        var bidder = await browser.SignInAsync(winnerLogin, "zh-CN");
        await BrowserFixture.GotoAsync(bidder, Routes.InstitutionProject(clone.Shortlist[0].InstitutionId, clone.ProjectId));
        await Assertions.Expect(bidder.GetByTestId("outcome-card").GetByTestId("outcome-state")).ToContainTextAsync("中标");
        await Assertions.Expect(bidder.GetByTestId("outcome-card").GetByTestId("outcome-state")).Not.ToContainTextAsync("未中标");
        await using (var db = browser.Factory.CreateDbContext())
            Assert.Equal(ProjectStatus.Awarded, (await db.Projects.SingleAsync(p => p.Id == clone.ProjectId)).Status);
    }
}
