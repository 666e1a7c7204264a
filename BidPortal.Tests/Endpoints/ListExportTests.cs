using System.Globalization;
using System.Net;
using System.Text;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Exports;
using BidPortal.Web.Features.Filings;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using DirectoryService = BidPortal.Web.Features.Directory.Directory;
using DashboardService = BidPortal.Web.Features.Dashboard.Dashboard;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The list pages as CSV and Excel over HTTP: the rows are the page's service rows, the headers follow the reader's
/// language, typed text cannot become a formula, and another role gets no file.
/// </summary>
public class ListExportTests(ListExportTests.Fixture fixture) : IClassFixture<ListExportTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private async Task<HttpResponseMessage> GetAsync(string login, string path, string language = "en")
    {
        var client = await SignIn.ClientAsync(fixture, login);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private async Task<List<string[]>> CsvAsync(string login, string path, string language = "en")
    {
        using var response = await GetAsync(login, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
    }

    private static async Task<T> InAsync<T>(string language, Func<Task<T>> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try { return await read(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public async Task ReviewQueueCsv_HasThePagesRows_ForThePagesFilter_WithEnglishHeaders()
    {
        var filings = fixture.Services.GetRequiredService<FilingReview>();
        var all = await CsvAsync("organizer", Routes.ListCsv(ListExports.ReviewQueue));
        Assert.Equal(["Title", "Sponsor unit", "Theme", "Planned start", "Budget (CNY)", "Major topic", "Cross-unit", "Status"], all[0]);
        var expected = await InAsync("en", () => filings.QueueAsync(Actors.Organizer, new FilingQueueFilter(null, null, null, false)));
        Assert.Equal(expected.Select(r => r.Title), all.Skip(1).Select(r => r[0]));
        Assert.Equal(expected.Select(r => r.Budget.ToString("0.00", CultureInfo.InvariantCulture)), all.Skip(1).Select(r => r[4]));

        var filter = new FilingQueueFilter(FilingStatus.Submitted, null, null, false);
        var submitted = await CsvAsync("organizer", Routes.ListCsv(ListExports.ReviewQueue) + ListQuery.ForQueue(filter).ToQueryString());
        var expectedSubmitted = await InAsync("en", () => filings.QueueAsync(Actors.Organizer, filter));
        Assert.NotEmpty(expectedSubmitted);
        Assert.True(expectedSubmitted.Count < expected.Count);
        Assert.Equal(expectedSubmitted.Select(r => r.Title), submitted.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task ProjectsCsv_InChinese_HasChineseHeaders_AndTheDashboardsRows()
    {
        var dashboard = fixture.Services.GetRequiredService<DashboardService>();
        var current = (await dashboard.CampaignsAsync(Actors.Organizer)).First(c => c.Status != CampaignStatus.Closed);
        var rows = await CsvAsync("organizer", Routes.ListCsv(ListExports.Projects) + new ListQuery(current.Id).ToQueryString(), "zh-CN");
        Assert.Equal(["编号", "项目名称"], rows[0].Take(2));
        var expected = await InAsync("zh-CN", () => dashboard.ProjectsAsync(Actors.Organizer, current.Id));
        Assert.Equal(expected.Select(r => (r.Code, r.Title)), rows.Skip(1).Select(r => (r[0], r[1])));
    }

    [Fact]
    public async Task InstitutionsXlsx_HasTheDirectorysRows_AndTypedTextIsNeverAFormula()
    {
        const string hostile = "=HYPERLINK(\"http://x\",\"y\")";
        await using (var db = fixture.CreateDbContext())
        {
            db.Institutions.Add(new Institution("ZZ-FORMULA", hostile, "+SUM(A1)", InstitutionCategory.SpecialisedInstitute, ["finance"]));
            await db.SaveChangesAsync();
        }
        var expected = await InAsync("en", () => fixture.Services.GetRequiredService<DirectoryService>().ListAsync(Actors.Organizer));

        using var response = await GetAsync("organizer", Routes.ListXlsx(ListExports.Institutions));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Count, sheet.Count);
        Assert.Equal(expected.Select(r => r.Code), sheet.Select(r => r["Code"]?.ToString()));
        Assert.Equal("'+SUM(A1)", sheet.Single(r => (string?)r["Code"] == "ZZ-FORMULA")["Name"]);

        var csv = await CsvAsync("organizer", Routes.ListCsv(ListExports.Institutions), "zh-CN");
        Assert.Equal("'" + hostile, csv.Single(r => r[0] == "ZZ-FORMULA")[1]);
    }

    [Fact]
    public async Task SponsorsOwnFilings_AreThePagesRows_AndOnlyItsOwn()
    {
        int unit;
        await using (var db = fixture.CreateDbContext()) unit = db.SponsorUnits.Single(u => u.Code == "CZJ").Id;
        var sponsor = Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: unit);
        var overview = await InAsync("en", () => fixture.Services.GetRequiredService<FilingReview>().SponsorOverviewAsync(sponsor));
        var rows = await CsvAsync("sponsor.czj", Routes.ListCsv(ListExports.SponsorFilings));
        Assert.NotEmpty(overview.Filings);
        Assert.Equal(overview.Filings.Select(f => f.Title), rows.Skip(1).Select(r => r[1]));
    }

    [Theory]
    [InlineData("sponsor.czj", ListExports.Institutions)]
    [InlineData("sponsor.czj", ListExports.ReviewQueue)]
    [InlineData("inst.pku", ListExports.Outbox)]
    [InlineData("expert01", ListExports.PublishRound)]
    [InlineData("organizer", ListExports.SponsorFilings)]
    public async Task AnotherRole_GetsNoFile(string login, string list)
    {
        using var response = await GetAsync(login, Routes.ListCsv(list));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnInstitution_GetsItsOwnInvitations_NotAnothers()
    {
        await using var db = fixture.CreateDbContext();
        var pku = db.Institutions.Single(i => i.Code == "PKU").Id;
        var other = db.Institutions.First(i => i.Id != pku).Id;
        var own = await CsvAsync("inst.pku", Routes.ListCsv(ListExports.InstitutionInvitations) + new ListQuery(pku).ToQueryString());
        Assert.True(own.Count > 1);
        using var response = await GetAsync("inst.pku", Routes.ListCsv(ListExports.InstitutionInvitations) + new ListQuery(other).ToQueryString());
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task UnknownList_OrFormat_IsNotFound()
    {
        using var list = await GetAsync("organizer", Routes.ListCsv("no-such-list"));
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        using var format = await GetAsync("organizer", "/exports/lists/institutions.pdf");
        Assert.Equal(HttpStatusCode.NotFound, format.StatusCode);
    }

    /// <summary>Reads CSV as a spreadsheet does: commas between cells, double quotes around a cell that holds one.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
                else if (c == '\r') { }
                else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); }
                else cell.Append(c);
            }
            if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add([.. row]); }
            return rows;
        }
    }
}
