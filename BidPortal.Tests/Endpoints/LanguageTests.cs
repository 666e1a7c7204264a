using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BidPortal.Tests.Endpoints;

public class LanguageTests(LanguageTests.Fixture fixture) : IClassFixture<LanguageTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private HttpClient Client(string? language)
    {
        var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "Sign in", "en")]
    [InlineData("zh-CN,zh;q=0.9", "登录", "zh-CN")]
    [InlineData("fr-FR", "登录", "zh-CN")]
    [InlineData(null, "登录", "zh-CN")]
    public async Task LoginPage_FollowsTheBrowser_FallingBackToChinese(string? acceptLanguage, string heading, string lang)
    {
        using var client = Client(acceptLanguage);
        var page = SignIn.Text(await client.GetStringAsync("/login"));
        Assert.Contains($"<html lang=\"{lang}\">", page);
        Assert.Contains($">{heading}</h1>", page);
    }

    [Fact]
    public async Task LanguageSwitch_IsRememberedForTheUser_OnTheNextSignIn()
    {
        using (var first = Client("zh-CN"))
        {
            await SignIn.PostLoginAsync(first, "sponsor.jyj", SignIn.DemoPassword);
            var switched = await first.GetAsync("/culture/en?returnUrl=%2Fsponsor");
            Assert.Contains("My unit's training projects", SignIn.Text(await switched.Content.ReadAsStringAsync()));
        }
        // A new browser that asks for Chinese: after sign-in the user's own choice wins.
        using var second = Client("zh-CN");
        var landing = await SignIn.PostLoginAsync(second, "sponsor.jyj", SignIn.DemoPassword);
        Assert.Contains("My unit's training projects", SignIn.Text(await landing.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task LanguageSwitch_RefusesAnUnknownCulture_AndAForeignReturnUrl()
    {
        using var client = Client("en");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/culture/xx")).StatusCode);
        var response = await client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fexample.org%2F");
        Assert.Equal("localhost", response.RequestMessage!.RequestUri!.Host);
    }
}
