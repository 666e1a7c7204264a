using System.Net;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

public class FilingEndpointTests(FilingEndpointTests.Fixture fixture) : IClassFixture<FilingEndpointTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private Task<HttpClient> SignedInAsync(string login) => SignIn.ClientAsync(fixture, login);

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
    public async Task MissingDocuments_AfterTheirDueDay_ShowTheSponsorWhyTheCourseIsNotReimbursable()
    {
        string title;
        int id;
        await using (var db = fixture.CreateDbContext())
        {
            var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
            var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
            // Opens in five days: notice, plan and budget were due five days ago and none came.
            var opens = campaign.LocalDate(DateTimeOffset.UtcNow).AddDays(5);
            var filing = new BidPortal.Domain.Filings.Filing(campaign, unit, Build.Details(start: opens) with { Title = "临时加办培训班" }, TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(intoSpecialPlan: false, TimeProvider.System);
            db.Filings.Add(filing);
            await db.SaveChangesAsync();
            (title, id) = (filing.Title, filing.Id);
        }
        using var client = await SignedInAsync("sponsor.czj");
        var home = SignIn.Text(await client.GetStringAsync("/sponsor"));
        var row = home[home.IndexOf(title, StringComparison.Ordinal)..];
        Assert.Contains("Not reimbursable", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
        var page = SignIn.Text(await client.GetStringAsync($"/filings/{id}"));
        Assert.Contains("This course is not reimbursable:", page);
        Assert.Contains("Course notice missing (due", page);
        Assert.Contains("Budget missing (due", page);
    }

    [Fact]
    public async Task Institution_IsRefusedTheReviewQueue()
    {
        using var client = await SignedInAsync("inst.pku");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organizer/filings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organizer/consolidation")).StatusCode);
    }
}
