using System.Net;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Import;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

public class FilingEndpointTests(FilingEndpointTests.Fixture fixture) : IClassFixture<FilingEndpointTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private async Task<HttpClient> SignedInAsync(string login)
    {
        var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await SignIn.PostLoginAsync(client, login, SignIn.DemoPassword);
        return client;
    }

    [Fact]
    public async Task Organizer_DownloadsTheTemplates()
    {
        using var client = await SignedInAsync("organizer");
        var csv = await client.GetAsync("/templates/filings.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith(string.Join(",", FilingImporter.Columns), (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var xlsx = await client.GetAsync("/templates/filings.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sponsor_CannotDownloadTheTemplates_NorSeeAnotherUnitsFiling()
    {
        using var client = await SignedInAsync("sponsor.czj");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/templates/filings.csv")).StatusCode);
        await using var db = fixture.CreateDbContext();
        var other = await db.Filings.FirstAsync(f => f.SponsorUnit!.Code == "HYJ");
        var page = await client.GetAsync($"/filings/{other.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(other.Title, SignIn.Text(await page.Content.ReadAsStringAsync()));
        var own = await db.Filings.FirstAsync(f => f.SponsorUnit!.Code == "CZJ");
        var ownPage = await client.GetAsync($"/filings/{own.Id}");
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains(own.Title, SignIn.Text(await ownPage.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Institution_IsRefusedTheReviewQueue()
    {
        using var client = await SignedInAsync("inst.pku");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organizer/filings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organizer/consolidation")).StatusCode);
    }
}
