using System.Net;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

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
        Assert.Contains("Unit code,Title,Theme,Target trainees", await csv.Content.ReadAsStringAsync());
        var xlsx = await client.GetAsync("/templates/filings.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Organizer_InChinese_GetsChineseHeaders_AndTheUnitCodes()
    {
        using var client = await SignedInAsync("organizer");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/templates/filings.xlsx");
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var xlsx = await (await client.SendAsync(request)).Content.ReadAsByteArrayAsync();
        var header = new MemoryStream(xlsx).Query(useHeaderRow: false).Cast<IDictionary<string, object>>().First();
        Assert.Contains("单位代码", header.Values.Select(v => v?.ToString()));
        Assert.Contains("培训项目名称", header.Values.Select(v => v?.ToString()));
        var units = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "单位代码").Cast<IDictionary<string, object>>()
            .ToDictionary(r => r["单位代码"]!.ToString()!, r => r["单位名称"]?.ToString());
        Assert.Equal("东营市财政局", units["CZJ"]);
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
    public async Task FilingDocument_IsServedToItsUnitAndTheOrganizer_Only()
    {
        int documentId;
        var bytes = "%PDF-1.4\n% budget\n"u8.ToArray();
        await using (var db = fixture.CreateDbContext())
        {
            var filing = await db.Filings.Include(f => f.Documents).FirstAsync(f => f.SponsorUnit!.Code == "CZJ" && f.Status == BidPortal.Domain.Filings.FilingStatus.Consolidated);
            var files = fixture.Services.GetRequiredService<BidPortal.Web.Infrastructure.Files.IFileStore>();
            var stored = await files.SaveAsync(new MemoryStream(bytes), $"filings/{filing.Id}");
            var document = filing.AttachDocument(BidPortal.Domain.Filings.DocumentKind.Budget, "budget.pdf", stored.Size, stored.Sha256, stored.Key, TimeProvider.System);
            await db.SaveChangesAsync();
            documentId = document.Id;
        }
        using (var owner = await SignedInAsync("sponsor.czj"))
        {
            var response = await owner.GetAsync($"/files/filing-documents/{documentId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            // Saved, never rendered, never sniffed into something else.
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("budget.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        }
        using (var organizer = await SignedInAsync("organizer"))
            Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/files/filing-documents/{documentId}")).StatusCode);
        foreach (var stranger in new[] { "sponsor.hyj", "inst.pku", "expert01" })
        {
            using var client = await SignedInAsync(stranger);
            var response = await client.GetAsync($"/files/filing-documents/{documentId}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual(bytes, await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Institution_IsRefusedTheReviewQueue()
    {
        using var client = await SignedInAsync("inst.pku");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organizer/filings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/organizer/consolidation")).StatusCode);
    }
}
