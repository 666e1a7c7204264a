using System.Globalization;
using System.Net;
using System.Text;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The ranking and all the scores as CSV and Excel over HTTP, from the demo: the figures are the ranking
/// loader's, the headers follow the reader's language, typed text cannot become a formula, and only the
/// organizer gets the evaluators' sheets.
/// </summary>
public class RankingExportTests(RankingExportTests.Fixture fixture) : IClassFixture<RankingExportTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private const string Hostile = "=cmd|' /C calc'!A0";

    private async Task<int> ProjectIdAsync(string code)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string login, string path, string language = "en")
    {
        var client = await SignIn.ClientAsync(fixture, login);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private async Task<byte[]> DownloadAsync(string login, string path, string language = "en")
    {
        using var response = await GetAsync(login, path, language);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<ProjectRankingView> RankingAsync(int projectId, string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try { return await fixture.Services.GetRequiredService<Rankings>().ForProjectAsync(Actors.Organizer, projectId); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    private static string Figure(decimal value) => Scoring.Round2(value).ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Organizer_RankingCsv_HasTheLoadersRowsAndFigures_WithEnglishHeaders()
    {
        var id = await ProjectIdAsync("C-05");
        using var response = await GetAsync("organizer", Routes.RankingCsv(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("C-05-ranking.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        var view = await RankingAsync(id, "en");

        Assert.Equal(["Rank", "Institution", "Score", "Training design", "Faculty", "Fit to the sponsor's needs", "Logistics and service",
            "Price (CNY)", "Price score", "Spread", "Sheets", "Flags"], lines[0]);
        var rows = lines.Skip(1).ToList();
        Assert.Equal(view.Rows.Count + view.Unscored.Count, rows.Count);
        Assert.NotEmpty(view.Rows);
        var typed = view.Criteria.Select((c, i) => (c, i)).Where(x => !x.c.IsPrice).Select(x => x.i).ToList();
        foreach (var (row, expected) in rows.Zip(view.Rows))
        {
            List<string> figures =
            [
                expected.Rank.ToString(CultureInfo.InvariantCulture), expected.Institution, Figure(expected.Score),
                .. typed.Select(i => Figure(expected.CriterionAverages[i])),
                expected.Price.ToString("0.00", CultureInfo.InvariantCulture), Figure(expected.PriceScore), Figure(expected.Spread),
                expected.Sheets.ToString(CultureInfo.InvariantCulture),
            ];
            Assert.Equal(figures, row.Take(figures.Count));
            Assert.Equal(5, expected.Sheets);
        }
        // The shortlist and the deliberate outlier (with its reason) are said in words.
        Assert.Equal(view.Rows.Count(r => r.Shortlisted), rows.Count(r => r[^1].Contains("Shortlisted", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r[^1].Contains("with a written reason", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organizer_RankingXlsx_ReadsBackAsTheLoadersRanking_WithChineseHeaders()
    {
        var id = await ProjectIdAsync("C-05");
        using var response = await GetAsync("organizer", Routes.RankingXlsx(id), "zh-CN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("C-05-排名.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        var sheet = Assert.Single(MiniExcel.GetSheetNames(new MemoryStream(xlsx)));
        Assert.Equal("排名", sheet);
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var view = await RankingAsync(id, "zh-CN");
        Assert.Equal(["名次", "投标机构", "得分", "方案设计", "师资力量", "契合需求", "组织保障与服务", "报价（元）", "价格得分", "极差", "评分表数", "提示"],
            rows[0].Keys);
        Assert.Equal(view.Rows.Count + view.Unscored.Count, rows.Count);
        var typed = view.Criteria.Select((c, i) => (c, i)).Where(x => !x.c.IsPrice).ToList();
        foreach (var (row, expected) in rows.Zip(view.Rows))
        {
            // Numbers stay numbers in Excel.
            Assert.Equal(expected.Rank, Convert.ToInt32(row["名次"], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Institution, row["投标机构"]);
            Assert.Equal(Scoring.Round2(expected.Score), Convert.ToDecimal(row["得分"], CultureInfo.InvariantCulture));
            foreach (var (c, i) in typed)
                Assert.Equal(Scoring.Round2(expected.CriterionAverages[i]), Convert.ToDecimal(row[c.Name], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Price, Convert.ToDecimal(row["报价（元）"], CultureInfo.InvariantCulture));
            Assert.Equal(Scoring.Round2(expected.PriceScore), Convert.ToDecimal(row["价格得分"], CultureInfo.InvariantCulture));
            Assert.Equal(Scoring.Round2(expected.Spread), Convert.ToDecimal(row["极差"], CultureInfo.InvariantCulture));
        }
        Assert.Contains(rows, r => r["提示"]?.ToString()?.Contains("已推荐", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Organizer_Scores_HaveOneRowPerSubmittedSheet_AndEachConflict_InBothFormats()
    {
        var id = await ProjectIdAsync("C-04");
        int submitted, conflicts;
        await using (var db = fixture.CreateDbContext())
        {
            var valid = await db.Proposals.Where(p => p.TenderProjectId == id && p.Status == ProposalStatus.Valid).Select(p => p.Id).ToListAsync();
            submitted = await db.ScoreSheets.CountAsync(s => valid.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted);
            conflicts = await db.Set<ConflictDeclaration>().CountAsync(c => valid.Contains(c.ProposalId));
        }
        var csv = Csv.Parse(Encoding.UTF8.GetString((await DownloadAsync("organizer", Routes.ScoresCsv(id)))[3..]));
        Assert.Equal(["Evaluator", "Institution", "Training design", "Training design: comment"], csv[0].Take(4));
        Assert.Equal(["Price score", "Total", "Overall comment", "Reason for an outlying total", "Submitted at", "Note"], csv[0].TakeLast(6));
        Assert.Equal(submitted + conflicts, csv.Count - 1);
        Assert.Equal(conflicts, csv.Count(r => r[^1].StartsWith("Conflict declared", StringComparison.Ordinal)));
        Assert.All(csv.Skip(1).Where(r => r[^1].Length == 0), r => Assert.EndsWith("(Beijing time)", r[^2], StringComparison.Ordinal));
        // The evaluators by name, not by login; the drafts are nobody's business yet.
        Assert.DoesNotContain(csv, r => r[0].StartsWith("expert", StringComparison.Ordinal));

        var xlsx = await DownloadAsync("organizer", Routes.ScoresXlsx(id), "zh-CN");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(submitted + conflicts, rows.Count);
        Assert.All(rows.Where(r => r["说明"] is null), r => Assert.EndsWith("（北京时间）", r["提交时间"]!.ToString(), StringComparison.Ordinal));
        Assert.All(rows.Where(r => r["说明"] is not null), r => Assert.Null(r["总分"]));
    }

    [Fact]
    public async Task TypedText_ThatLooksLikeAFormula_ComesOutAsText()
    {
        // expert01 declares, then submits a sheet on C-04 whose comments are a formula.
        var id = await ProjectIdAsync("C-04");
        await using (var db = fixture.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts).SingleAsync(p => p.Id == id);
            var userId = await db.Users.Where(u => u.UserName == "expert01").Select(u => u.Id).SingleAsync();
            var member = project.Panel.Single(m => m.UserId == userId);
            var proposal = await db.Proposals.Include(p => p.Versions).FirstAsync(p => p.TenderProjectId == id && p.Status == ProposalStatus.Valid);
            member.Declare([], new HashSet<int>(), TimeProvider.System);
            var sheet = new ScoreSheet(member, proposal.Id);
            foreach (var c in project.Criteria.Where(c => !c.IsPrice)) sheet.Record(c, c.MaxPoints * 0.8m, Hostile);
            sheet.Remark(Hostile);
            sheet.Submit(project.Criteria, 8m, [], null, TimeProvider.System);
            db.ScoreSheets.Add(sheet);
            await db.SaveChangesAsync();
        }

        var text = Encoding.UTF8.GetString(await DownloadAsync("organizer", Routes.ScoresCsv(id)));
        var row = Csv.Parse(text[1..]).Single(r => r.Contains("'" + Hostile));
        Assert.DoesNotContain(Hostile, row);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);

        var xlsx = await DownloadAsync("organizer", Routes.ScoresXlsx(id));
        var cells = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .SelectMany(r => r.Values).OfType<string>().ToList();
        Assert.Contains("'" + Hostile, cells);
        Assert.DoesNotContain(Hostile, cells);
    }

    [Fact]
    public async Task LeadSponsor_GetsTheRanking_ButNotTheEvaluatorsSheets()
    {
        var id = await ProjectIdAsync("C-05");
        Assert.NotEmpty(await DownloadAsync("sponsor.czj", Routes.RankingCsv(id)));
        Assert.NotEmpty(await DownloadAsync("sponsor.czj", Routes.RankingXlsx(id)));
        foreach (var path in new[] { Routes.ScoresCsv(id), Routes.ScoresXlsx(id) })
        {
            using var response = await GetAsync("sponsor.czj", path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("sponsor.hyj")]
    [InlineData("inst.pku")]
    [InlineData("expert01")]
    public async Task Others_GetNothing(string login)
    {
        var id = await ProjectIdAsync("C-05");
        foreach (var path in new[] { Routes.RankingCsv(id), Routes.RankingXlsx(id), Routes.ScoresCsv(id), Routes.ScoresXlsx(id) })
        {
            using var response = await GetAsync(login, path);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
    }

    [Fact]
    public async Task UnknownProject_IsNotFound()
    {
        foreach (var path in new[] { Routes.RankingCsv(987654), Routes.RankingXlsx(987654), Routes.ScoresCsv(987654), Routes.ScoresXlsx(987654) })
        {
            using var response = await GetAsync("organizer", path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
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
