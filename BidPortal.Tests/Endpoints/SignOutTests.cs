using System.Net;
using System.Text.RegularExpressions;
using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace BidPortal.Tests.Endpoints;

/// <summary>Sign-out over real HTTP: only the portal's own form can do it, and it ends every copy of the session.</summary>
public partial class SignOutTests(SignOutTests.Fixture fixture) : IClassFixture<SignOutTests.Fixture>
{
    /// <summary>Cookies are checked against the account every second here, not every five minutes.</summary>
    public sealed class Fixture() : PortalFactory(settings: new Dictionary<string, string?> { ["Portal:RevalidationInterval"] = "00:00:01" });

    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = fixture.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return (client, cookies);
    }

    [Fact]
    public async Task CrossSitePost_WithoutTheToken_IsRefused_AndTheUserStaysSignedIn()
    {
        var (client, _) = Browser();
        using var _client = client;
        await SignIn.PostLoginAsync(client, "sponsor.czj", SignIn.DemoPassword);

        // What a form on another site can send: the browser adds the cookie, but there is no token.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://elsewhere.example");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var home = await client.GetAsync("/sponsor");
        Assert.Equal("/sponsor", home.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("My unit's training projects", SignIn.Text(await home.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignOutButton_EndsTheSession_AndACopyOfTheCookieWithIt()
    {
        var (client, cookies) = Browser();
        using var _client = client;
        var home = await SignIn.PostLoginAsync(client, "sponsor.hyj", SignIn.DemoPassword);
        var copied = cookies.GetCookieHeader(client.BaseAddress!);

        // The layout's sign-out form: a POST with the token the page carries.
        var token = Token().Match(await home.Content.ReadAsStringAsync()).Groups[1].Value;
        var signOut = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal("/login", signOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/login", (await client.GetAsync("/sponsor")).RequestMessage!.RequestUri!.AbsolutePath);

        // A tab or a machine still holding the old cookie is signed out as well: the security stamp changed.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var other = fixture.CreateDefaultClient(new RedirectHandler());
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/sponsor");
        replay.Headers.Add("Cookie", copied);
        var replayed = await other.SendAsync(replay);
        Assert.Equal("/login", replayed.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
