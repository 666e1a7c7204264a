using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>An open circuit follows the account: what one tab does to the session, the other tabs show.</summary>
[Collection(BrowserCollection.Name)]
public class SessionTests(BrowserFixture browser)
{
    [Fact]
    public async Task SignOutInOneTab_TheOtherTabStopsShowingTheFiling()
    {
        int filingId;
        string title;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var unit = (await db.Users.SingleAsync(u => u.UserName == "sponsor.czj")).SponsorUnitId;
            var filing = await db.Filings.OrderBy(f => f.Id).FirstAsync(f => f.SponsorUnitId == unit);
            (filingId, title) = (filing.Id, filing.Title);
        }

        // Two tabs of one browser, so one cookie: both show the unit's filing.
        var tabA = await browser.SignInAsync("sponsor.czj");
        var tabB = await tabA.Context.NewPageAsync();
        foreach (var tab in new[] { tabA, tabB })
        {
            await BrowserFixture.GotoAsync(tab, $"/filings/{filingId}");
            await Assertions.Expect(tab.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        }

        // Signing out in tab A ends tab B's circuit too (revalidated every second in the tests).
        await tabA.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(tabA.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();

        await Assertions.Expect(tabB.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(tabB.GetByText(title)).ToHaveCountAsync(0);
        Assert.Contains("/login", tabB.Url);
        await tabA.Context.CloseAsync();
    }
}
