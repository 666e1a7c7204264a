using System.Net;
using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BidPortal.Tests.Endpoints;

/// <summary>Hostile "return to" addresses: always a redirect to a page of the portal, never a 500 nor another site.</summary>
public class ReturnUrlTests(ReturnUrlTests.Fixture fixture) : IClassFixture<ReturnUrlTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    public static TheoryData<string, string> Hostile => new()
    {
        { "/\t/evil.example", "/" },
        { "/\r\nSet-Cookie: x=1", "/" },
        { "/organizer\n", "/" },
        { "\t/organizer", "/" },
        { "//evil.example", "/" },
        { "/\\evil.example", "/" },
        { "https://evil.example/", "/" },
        { "/organizer\u3000", "/organizer%E3%80%80" },
        { "\u3000", "/" },
        { "/filings", "/filings" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task CultureSwitch_RedirectsToALocalPage(string returnUrl, string expected)
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/culture/en?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignIn_RedirectsToALocalPage(string returnUrl, string expected)
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetAsync($"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var response = await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The sign-in page's redirect is absolute, to this portal's own host.
        var location = response.Headers.Location!;
        Assert.Equal("localhost", location.Host);
        Assert.Equal(expected, location.PathAndQuery);
    }
}
