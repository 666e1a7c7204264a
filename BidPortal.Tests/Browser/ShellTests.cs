using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>A person in Chromium: signs in as each role, lands on that role's page, and every page passes axe.</summary>
[Collection(BrowserCollection.Name)]
public class ShellTests(BrowserFixture browser)
{
    [Fact]
    public async Task LoginPage_PassesAxe_InBothLanguages()
    {
        foreach (var (locale, heading) in new[] { ("en-US", "Sign in"), ("zh-CN", "登录") })
        {
            var page = await browser.NewPageAsync(locale);
            await page.GotoAsync("/login");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(page);
            await BrowserFixture.ScreenshotAsync(page, $"login-{locale}");
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("organizer", "/organizer", "Campaign dashboard")]
    [InlineData("sponsor.czj", "/sponsor", "My unit's training projects")]
    [InlineData("inst.pku", "/institutions/", "Peking University")]
    [InlineData("expert01", "/evaluator", "My evaluation panels")]
    public async Task EachRole_SignsIn_LandsOnItsPage_AndThePagePassesAxe(string login, string path, string heading)
    {
        var page = await browser.SignInAsync(login);
        Assert.Contains(path, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"home-{login}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ContentSecurityPolicy_BlocksNothingThePortalUses()
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A missing favicon is a console error too, but not this test's concern: script errors and CSP refusals are.
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)))
                problems.Add(message.Text);
        };
        page.PageError += (_, error) => problems.Add(error);
        var response = await page.GotoAsync("/login");
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"));
        await page.GetByLabel("User name").FillAsync("organizer");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(SignIn.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        // The circuit connects over the WebSocket (connect-src) and MudBlazor draws its theme and chart (style-src).
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("td[data-step='Funnel.MunicipalFilings'][data-year='2011']")).ToHaveTextAsync("60");
        await page.GetByRole(AriaRole.Link, new() { Name = "Institution directory" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/organizer/institutions", StringComparison.Ordinal));
        await BrowserFixture.GotoAsync(page, "/organizer/filings");
        Assert.True(problems.Count == 0, "Console errors or CSP violations:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OrganizerDashboard_ShowsThe2011FiguresAndAChart()
    {
        var page = await browser.SignInAsync("organizer");
        string Cell(string step) => $"td[data-step='{step}'][data-year='2011']";
        await Assertions.Expect(page.Locator(Cell("Funnel.MunicipalFilings"))).ToHaveTextAsync("60");
        await Assertions.Expect(page.Locator(Cell("Funnel.InSpecialPlan"))).ToHaveTextAsync("30");
        await Assertions.Expect(page.Locator(Cell("Funnel.Consolidated"))).ToHaveTextAsync("43");
        await Assertions.Expect(page.Locator(Cell("Funnel.Invited"))).ToHaveTextAsync("26");
        await Assertions.Expect(page.Locator(Cell("Funnel.Proposals"))).ToHaveTextAsync("325");
        await Assertions.Expect(page.Locator(Cell("Funnel.Completed"))).ToHaveTextAsync("41");
        await Assertions.Expect(page.Locator(Cell("Funnel.Money"))).ToHaveTextAsync("7.47 million yuan");
        // The funnel draws one bar per step for each campaign, its figure written beside it.
        Assert.True(await page.Locator("[data-chart='funnel'] .bar-fill").CountAsync() >= 14);
        await Assertions.Expect(page.Locator("[data-chart='funnel'] [data-bar='Funnel.Proposals'][data-year='2011'] .bar-value")).ToHaveTextAsync("325");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_TurnsThePageIntoChinese_AndTheChoiceSticks()
    {
        var page = await browser.SignInAsync("sponsor.hyj");
        await page.GetByRole(AriaRole.Link, new() { Name = "简体中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "本单位培训项目", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "home-sponsor-zh");

        await using var db = browser.Factory.CreateDbContext();
        Assert.Equal("zh-CN", (await db.Users.SingleAsync(u => u.UserName == "sponsor.hyj")).PreferredCulture);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_AfterMovingWithinTheApp_ReturnsToTheCurrentPage()
    {
        // A user no other browser test signs in as: the switch is remembered for the user.
        var page = await browser.SignInAsync("sponsor.ghj");
        await page.GetByRole(AriaRole.Link, new() { Name = "New filing" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New filing", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "简体中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新建备案", Level = 1 })).ToBeVisibleAsync();
        Assert.EndsWith("/sponsor/filings/new", new Uri(page.Url).AbsolutePath);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InstitutionUser_TypingAnotherInstitutionsAddress_SeesAccessDenied()
    {
        await using var db = browser.Factory.CreateDbContext();
        var thu = await db.Institutions.SingleAsync(i => i.Code == "THU");
        var page = await browser.SignInAsync("inst.pku");
        var response = await page.GotoAsync($"/institutions/{thu.Id}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Tsinghua University")).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
