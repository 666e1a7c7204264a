using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Shortlists;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The sponsor's shortlist of the demo's C-05 (published, notice over): on screen and as a PDF it lists the
/// shortlisted institutions in the ranking's order with the scoring rules' figures; nobody but the lead sponsor
/// and the organizer finds it.
/// </summary>
public class ShortlistTests(ShortlistTests.Fixture fixture) : IClassFixture<ShortlistTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Shortlists Service => fixture.Services.GetRequiredService<Shortlists>();

    /// <summary>The expected shortlist of C-05, straight from the scoring rules over the stored sheets.</summary>
    private async Task<(TenderProject Project, List<(string Zh, string En, RankingLine Line)> Rows)> ExpectedAsync()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Shortlist).Include(p => p.Criteria).Include(p => p.Panel).ThenInclude(m => m.Conflicts)
            .AsSplitQuery().SingleAsync(p => p.Code == "C-05" && p.Status == ProjectStatus.Shortlisted, Ct);
        var proposals = await db.Proposals.Include(p => p.Versions)
            .Where(p => p.TenderProjectId == project.Id && p.Round == project.Round && p.Status == ProposalStatus.Valid).ToListAsync(Ct);
        var ids = proposals.Select(p => p.Id).ToList();
        var sheets = await db.ScoreSheets.Include(s => s.Items).Where(s => ids.Contains(s.ProposalId) && s.Status == ScoreSheetStatus.Submitted).ToListAsync(Ct);
        var lines = ProjectRanking.Compute(project.Criteria,
            [.. proposals.Select(p => new RankingProposal(p.Id, p.Current.Price, p.Current.ReceivedAt))],
            [.. sheets.Select(s => new RankingSheet(s.PanelMemberId, s.ProposalId, s.Items.ToDictionary(i => i.CriterionId, i => i.Points ?? 0), s.OutlierReason))],
            project.Panel.SelectMany(m => m.Conflicts.Select(c => (m.Id, c.ProposalId))).ToHashSet());
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Id, Ct);
        var institutionOf = proposals.ToDictionary(p => p.Id, p => institutions[p.InstitutionId]);
        var shortlisted = project.Shortlist.Select(s => s.ProposalId).ToHashSet();
        var rows = lines.Where(l => shortlisted.Contains(l.ProposalId))
            .Select(l => (institutionOf[l.ProposalId].Name, institutionOf[l.ProposalId].NameEn, l)).ToList();
        return (project, rows);
    }

    private async Task<int> UnitIdAsync(string code)
    {
        await using var db = fixture.CreateDbContext();
        return await db.SponsorUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Points(decimal value) => Scoring.Round2(value).ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task<HttpClient> ReaderAsync(PortalFactory factory, string login, string culture)
    {
        var client = await SignIn.ClientAsync(factory, login);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return client;
    }

    [Fact]
    public async Task LeadSponsor_SeesTheShortlistInRankingOrder_WithTheScoringRulesFigures()
    {
        var (project, expected) = await ExpectedAsync();
        Assert.Equal(["山东大学", "北京大学", "清华大学"], expected.Select(e => e.Zh));
        var lead = Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: project.LeadSponsorUnitId);

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var view = await Service.ForSponsorAsync(lead, project.Id, Ct);

        Assert.Equal(expected.Select(e => (e.Zh, e.Line.Rank, e.Line.Score, e.Line.Price)),
            view.Rows.Select(r => (r.Institution, r.Rank, r.Score, r.Price)));
        Assert.Equal([1, 2, 3], view.Rows.Select(r => r.Position));
        Assert.All(view.Rows, r => Assert.Equal(view.Criteria.Count, r.CriterionAverages.Count));
        Assert.Equal(expected.Select(e => view.Criteria.Select(c => e.Line.CriterionAverages[c.CriterionId]).ToList()),
            view.Rows.Select(r => r.CriterionAverages.ToList()));
        Assert.Equal(project.Panel.Count, view.PanelSize);
        Assert.Equal("C-05", view.Code);
        Assert.Equal(project.ShortlistPublishedAt, view.PublishedAt);
        Assert.Equal(project.Deadline, view.Deadline);
        // Published nine days ago: the three-day notice is over, with no objection open.
        Assert.False(view.InNotice);
        Assert.StartsWith("公示已于", view.NoticeState);
        Assert.Contains("（北京时间）", view.NoticeState);
        Assert.Contains("没有待答复的质疑", view.NoticeState);
        Assert.False(string.IsNullOrWhiteSpace(view.Campaign));
        Assert.False(string.IsNullOrWhiteSpace(view.SponsorUnit));

        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var english = await Service.ForSponsorAsync(Actors.Organizer, project.Id, Ct);
        Assert.Equal(expected.Select(e => e.En), english.Rows.Select(r => r.Institution));
        Assert.StartsWith("The public notice ended on", english.NoticeState);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task ShortlistPdf_ListsTheInstitutionsInRankingOrder_WithTheirScores_InTheReadersLanguage(string cultureName)
    {
        var chinese = cultureName == "zh-CN";
        var (project, expected) = await ExpectedAsync();
        using var client = await ReaderAsync(fixture, "sponsor.czj", cultureName);

        var response = await client.GetAsync(Routes.ShortlistPdf(project.Id), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(chinese ? "推荐名单-C-05.pdf" : "shortlist-C-05.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        // Kept beside the screenshots, for a person to look at (pdftoppm -png -r 60).
        Directory.CreateDirectory(Browser.BrowserFixture.ScreenshotFolder);
        await File.WriteAllBytesAsync(Path.Combine(Browser.BrowserFixture.ScreenshotFolder, $"shortlist-{cultureName}.pdf"), bytes, Ct);

        using var pdf = PdfDocument.Open(bytes);
        var text = NoSpace(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(chinese ? "推荐名单" : "Shortlist", text);
        Assert.Contains("C-05", text);
        Assert.Contains(chinese ? "北京时间" : "Beijingtime", text);
        Assert.Contains(chinese ? $"第1页，共{pdf.NumberOfPages}页" : $"Page1of{pdf.NumberOfPages}", text);
        Assert.Contains(chinese ? $"评审专家{project.Panel.Count}位" : $"{project.Panel.Count}evaluators", text);
        Assert.DoesNotContain("位专家", text);
        // The price criterion's column is the price SCORE, not a second price.
        Assert.Contains(chinese ? "价格得分(" : "Pricescore(", text);
        // Each institution in turn, its total and its price after its name and before the next one's.
        var at = 0;
        foreach (var (zh, en, line) in expected)
        {
            var name = NoSpace(chinese ? zh : en);
            var found = text.IndexOf(name, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{name} is missing after position {at}");
            var score = text.IndexOf(Points(line.Score), found + name.Length, StringComparison.Ordinal);
            var price = text.IndexOf(MoneyText.Format(line.Price), found + name.Length, StringComparison.Ordinal);
            Assert.True(score > found && price > score, $"{name}: score {Points(line.Score)} and price {MoneyText.Format(line.Price)} follow it");
            foreach (var average in line.CriterionAverages.Values)
                Assert.Contains(Points(average), text[found..]);
            at = price;
        }
        // Nothing runs off the page: every glyph lies inside the margins.
        foreach (var page in pdf.GetPages())
            Assert.All(page.Letters.Where(l => l.Value.Trim().Length > 0), l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 40));
    }

    [Fact]
    public async Task AnotherSponsor_AnInstitution_AndAnEvaluator_FindNoShortlist_OnTheServiceThePdfOrThePage()
    {
        var (project, _) = await ExpectedAsync();
        var otherUnit = await UnitIdAsync("HYJ");
        Assert.NotEqual(project.LeadSponsorUnitId, otherUnit);
        Actor[] strangers =
        [
            Actor.Of("sponsor.hyj", Roles.Sponsor, sponsorUnitId: otherUnit),
            Actors.Other("institution"),
            Actors.Other("evaluator"),
        ];
        foreach (var actor in strangers)
            Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.ForSponsorAsync(actor, project.Id, Ct))),
                actor.UserName);

        foreach (var login in new[] { "sponsor.hyj", "inst.sdu", "expert01" })
        {
            using var client = await SignIn.ClientAsync(fixture, login);
            var pdf = await client.GetAsync(Routes.ShortlistPdf(project.Id), Ct);
            Assert.True(pdf.StatusCode == HttpStatusCode.NotFound, $"{login}: {pdf.StatusCode}");
            Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            var page = await client.GetAsync(Routes.SponsorShortlist(project.Id), Ct);
            Assert.DoesNotContain("Shandong University", SignIn.Text(await page.Content.ReadAsStringAsync(Ct)));
        }
        using var hyj = await SignIn.ClientAsync(fixture, "sponsor.hyj");
        Assert.Equal(HttpStatusCode.NotFound, (await hyj.GetAsync(Routes.SponsorShortlist(project.Id), Ct)).StatusCode);
    }

    [Fact]
    public async Task BeforePublication_TheLeadSponsorFindsNoShortlist_AndAnUnknownProjectIsNotFound()
    {
        await using var db = fixture.CreateDbContext();
        var evaluating = await db.Projects.FirstAsync(p => p.Code == "C-04" && p.Status == ProjectStatus.Evaluating, Ct);
        var lead = Actor.Of("sponsor.lead", Roles.Sponsor, sponsorUnitId: evaluating.LeadSponsorUnitId);
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.ForSponsorAsync(lead, evaluating.Id, Ct))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.ForSponsorAsync(Actors.Organizer, 999999, Ct))));
        using var organizer = await SignIn.ClientAsync(fixture, "organizer");
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync(Routes.ShortlistPdf(999999), Ct)).StatusCode);
    }

    [Fact]
    public async Task SponsorHome_LinksThePublishedShortlist_AndThePageShowsItsFiguresAndTheDownload()
    {
        var (project, expected) = await ExpectedAsync();
        using var client = await ReaderAsync(fixture, "sponsor.czj", "en");

        var home = SignIn.Text(await client.GetStringAsync(Routes.SponsorHome, Ct));
        Assert.Contains($"href=\"{Routes.SponsorShortlist(project.Id)}\"", home);

        var page = SignIn.Text(await client.GetStringAsync(Routes.SponsorShortlist(project.Id), Ct));
        Assert.Contains($"href=\"{Routes.ShortlistPdf(project.Id)}\"", page);
        Assert.Contains("The public notice ended on", page);
        var at = 0;
        foreach (var (_, en, line) in expected)
        {
            var found = page.IndexOf(en, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"{en} is missing after position {at}");
            Assert.True(page.IndexOf(Points(line.Score), found, StringComparison.Ordinal) > found);
            at = found + en.Length;
        }
    }
}
