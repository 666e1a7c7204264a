using BidPortal.Tests.Support;
using BidPortal.Web;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The app on a real loopback port (Kestrel), a seeded SQLite file of its own, and Debian's
/// Chromium driven by Playwright. <see cref="SignInAsync"/> gives a page signed in as any demo user.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    // Open circuits re-check the account every second, so a sign-out in another tab shows within seconds.
    // DetailedErrors: a broken circuit's exception reaches the browser console, where a failing test can show it.
    public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string?> { ["Portal:RevalidationInterval"] = "00:00:01", ["DetailedErrors"] = "true" });
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots land here for a person to look at (test.sh prints the folder).</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("BIDPORTAL_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        Directory.CreateDirectory(ScreenshotFolder);
        // Two shared cores: a round trip through the circuit can take longer than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container, and no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Fills the login form as a person would, and waits for the landing page's circuit.</summary>
    public async Task<IPage> SignInAsync(string login, string locale = "en-US")
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/login");
        var english = locale.StartsWith("en", StringComparison.Ordinal);
        await page.GetByLabel(english ? "User name" : "用户名").FillAsync(login);
        await page.GetByLabel(english ? "Password" : "密码", new() { Exact = true }).FillAsync(SignIn.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "登录" }).ClickAsync();
        // The landing page after sign-in is the heaviest first render; on a loaded shared machine it can pass 30 s.
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
        await WaitForInteractiveAsync(page);
        // Signing in restores the language the account chose last (another test may have switched it):
        // a test that signs in "in English" switches back as a person would, with the language switch.
        var wanted = english ? "en" : "zh-CN";
        if (await page.EvaluateAsync<string>("() => document.documentElement.lang") != wanted)
            await GotoAsync(page, Routes.Culture(wanted, new Uri(page.Url).PathAndQuery));
        return page;
    }

    /// <summary>
    /// Waits until the page is interactive: the layout's marker appears one round trip after the circuit's
    /// first render, once the router intercepts links and the prerendered buttons (which do nothing) are gone.
    /// Needed after every full page load (GotoAsync, reload, sign-in); links inside the circuit keep the layout.
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>A full page load, then the wait for interactivity: the only way tests open an address.</summary>
    public static async Task<IResponse?> GotoAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await WaitForInteractiveAsync(page);
        return response;
    }

    public static async Task ReloadAsync(IPage page)
    {
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
    }

    /// <summary>axe-core on the page as it stands; serious and critical violations fail the test.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // Let fades finish (a snackbar half faded in fails contrast); endless spinners are left alone.
        await page.EvaluateAsync("""
            () => Promise.all(document.getAnimations()
                .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)))
            """);
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", bad.Select(Describe)));
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}";

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Factory.Dispose();
    }
}
