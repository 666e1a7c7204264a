using System.Net;
using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BidPortal.Tests.Endpoints;

/// <summary>The sign-in POST is rate limited per client and per account name: 429 with a page in the reader's language.</summary>
public class SignInLimitTests
{
    private static HttpClient Client(PortalFactory factory, string language)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task FastAttemptsFromOneClient_Get429_InChinese()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["SignIn:PermitsPerClient"] = "3" });
        using var client = Client(factory, "zh-CN");
        string[] names = ["a.one", "b.two", "c.three"];
        foreach (var name in names)
            Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(client, name, "wrong")).StatusCode);

        var fourth = await SignIn.PostLoginAsync(client, "d.four", "wrong");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("登录尝试过于频繁", SignIn.Text(await fourth.Content.ReadAsStringAsync()));
        Assert.True(fourth.Headers.RetryAfter is not null);
        // The sign-in page itself is still served.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }

    [Fact]
    public async Task FastAttemptsAtOneAccount_Get429_InEnglish_AndTheRightPasswordWaitsToo()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["SignIn:PermitsPerAccount"] = "2" });
        using var client = Client(factory, "en");
        await SignIn.PostLoginAsync(client, "organizer", "guess-1");
        await SignIn.PostLoginAsync(client, " ORGANIZER ", "guess-2");

        var third = await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many sign-in attempts", await third.Content.ReadAsStringAsync());

        // Another account is not slowed by it.
        var other = await SignIn.PostLoginAsync(client, "sponsor.czj", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("/sponsor", other.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task TheLimit_CannotBeDodged_ByATrailingSlashOrCapitals()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["SignIn:PermitsPerAccount"] = "2" });
        using var client = Client(factory, "en");
        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(client, "organizer", "guess-1", address: "/login/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn.PostLoginAsync(client, "organizer", "guess-2", address: "/LOGIN")).StatusCode);
        var third = await SignIn.PostLoginAsync(client, "organizer", "guess-3", address: "/login/");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }
}
