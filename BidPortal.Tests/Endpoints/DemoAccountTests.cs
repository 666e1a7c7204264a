using BidPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BidPortal.Tests.Endpoints;

/// <summary>A portal started with the demo off, on a database an earlier start seeded: the demo passwords open nothing.</summary>
public class DemoAccountTests(DemoAccountTests.Fixture fixture) : IClassFixture<DemoAccountTests.Fixture>
{
    public sealed class Fixture() : PortalFactory(settings: new Dictionary<string, string?> { ["Portal:SeedDemo"] = "false" });

    [Theory]
    [InlineData("organizer")]
    [InlineData("sponsor.czj")]
    public async Task DemoAccount_IsRefused_WithTheOrdinaryMessage(string login)
    {
        using var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await SignIn.PostLoginAsync(client, login, SignIn.DemoPassword);
        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        var text = SignIn.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("The user name or password is not correct.", text);
        Assert.DoesNotContain("Demo accounts", text);
        Assert.Equal("/login", (await client.GetAsync("/organizer")).RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public void Production_DefaultsToNoDemo_AndDevelopmentTurnsItOn()
    {
        var web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "BidPortal.Web"));
        var production = new ConfigurationBuilder().AddJsonFile(Path.Combine(web, "appsettings.json")).Build();
        var development = new ConfigurationBuilder().AddJsonFile(Path.Combine(web, "appsettings.json"))
            .AddJsonFile(Path.Combine(web, "appsettings.Development.json")).Build();
        Assert.Equal("False", production["Portal:SeedDemo"], ignoreCase: true);
        Assert.Equal("True", development["Portal:SeedDemo"], ignoreCase: true);
        Assert.False(new BidPortal.Web.Infrastructure.PortalOptions().SeedDemo);
    }
}
