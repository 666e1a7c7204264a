using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>The organizer adds an institution with a contact and a user; that user then signs in for it.</summary>
[Collection(BrowserCollection.Name)]
public class DirectoryTests(BrowserFixture browser)
{
    [Fact]
    public async Task Organizer_AddsAnInstitutionContactAndUser_WhoSignsInForIt()
    {
        var code = "DHU" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var organizer = await browser.SignInAsync("organizer");
        await BrowserFixture.GotoAsync(organizer, "/organizer/institutions/new");
        await organizer.GetByLabel("Code").FillAsync(code);
        await organizer.GetByLabel("Chinese name").FillAsync("大连海事大学");
        await organizer.GetByLabel("English name").FillAsync("Dalian Maritime University");
        await organizer.GetByLabel("Specialty tags").FillAsync("ocean, Fisheries");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        // Names follow the page's language, as everywhere else: English here.
        await Assertions.Expect(organizer.GetByRole(AriaRole.Heading, new() { Name = "Dalian Maritime University", Level = 1 })).ToBeVisibleAsync();

        // A contact without a valid address is refused with a message and nothing is added.
        await organizer.GetByLabel("Name", new() { Exact = true }).First.FillAsync("培训中心王老师");
        await organizer.GetByLabel("Email", new() { Exact = true }).First.FillAsync("not-an-address");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Assertions.Expect(organizer.GetByText("“not-an-address” is not a valid email address.")).ToBeVisibleAsync();
        await organizer.GetByLabel("Email", new() { Exact = true }).First.FillAsync("training@dlmu.edu.demo");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Add contact" }).ClickAsync();
        await Assertions.Expect(organizer.GetByRole(AriaRole.Cell, new() { Name = "training@dlmu.edu.demo" })).ToBeVisibleAsync();

        var login = "inst." + code.ToLowerInvariant();
        await organizer.GetByLabel("User name").FillAsync(login);
        await organizer.GetByLabel("Name", new() { Exact = true }).Nth(1).FillAsync("王老师");
        await organizer.GetByLabel("Email", new() { Exact = true }).Nth(1).FillAsync($"{login}@dlmu.edu.demo");
        await organizer.GetByLabel("Initial password").FillAsync("short");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(organizer.GetByText("The password needs at least 8 characters.")).ToBeVisibleAsync();
        await organizer.GetByLabel("Initial password").FillAsync("Dlmu#2026");
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Assertions.Expect(organizer.GetByText(login, new() { Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(organizer);
        await BrowserFixture.ScreenshotAsync(organizer, "institution-edit");

        await using (var db = browser.Factory.CreateDbContext())
        {
            var institution = await db.Institutions.Include(i => i.Contacts).SingleAsync(i => i.Code == code);
            Assert.Equal(["fisheries", "ocean"], institution.Tags);
            Assert.Single(institution.Contacts);
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(login);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Dlmu#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dalian Maritime University", Level = 1 })).ToBeVisibleAsync();
        await organizer.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}
