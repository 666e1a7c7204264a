using System.Net;
using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BidPortal.Tests.Endpoints;

/// <summary>Every kind of response carries the security headers: pages, downloads, the sign-in page, refusals.</summary>
public class SecurityHeaderTests(SecurityHeaderTests.Fixture fixture) : IClassFixture<SecurityHeaderTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static void AssertHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        foreach (var part in new[] { "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'" })
            Assert.Contains(part, csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        // One policy: a second frame-ancestors (Blazor's default 'self') would read as a contradiction.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(csp, "frame-ancestors"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Single(response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task LoginPage_HasTheHeaders()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHeaders(response);
    }

    [Fact]
    public async Task Page_AndDownload_HaveTheHeaders()
    {
        using var client = await SignIn.ClientAsync(fixture, "organizer");
        var page = await client.GetAsync("/organizer");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertHeaders(page);

        var download = await client.GetAsync("/templates/filings.csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        AssertHeaders(download);
    }

    [Fact]
    public async Task NotFound_AndStaticFile_HaveTheHeaders()
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        AssertHeaders(await client.GetAsync("/app.css"));
        using var signedIn = await SignIn.ClientAsync(fixture, "organizer");
        var missing = await signedIn.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertHeaders(missing);
    }
}
