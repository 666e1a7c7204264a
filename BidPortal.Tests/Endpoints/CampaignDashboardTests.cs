using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using DashboardService = BidPortal.Web.Features.Dashboard.Dashboard;

namespace BidPortal.Tests.Endpoints;

/// <summary>The campaign dashboard's figures (funnel, money, proposals per project, compliance) and the leadership's summary PDF.</summary>
public class CampaignDashboardTests(CampaignDashboardTests.Fixture fixture) : IClassFixture<CampaignDashboardTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private DashboardService Service => fixture.Services.GetRequiredService<DashboardService>();
    private CampaignSummary Summary => fixture.Services.GetRequiredService<CampaignSummary>();

    private async Task<CampaignColumn> ColumnAsync(int year) => (await Service.CampaignsAsync(Actors.Organizer)).Single(c => c.Year == year);

    [Fact]
    public async Task Campaign2011_ShowsEachFigureOfTheReport()
    {
        var column = await ColumnAsync(2011);
        var f = column.Funnel;
        Assert.Equal(60, f.MunicipalFilings);
        Assert.Equal(30, f.InSpecialPlan);
        Assert.Equal(43, f.ConsolidatedProjects);
        Assert.Equal(26, f.InvitedInstitutions);
        Assert.Equal(325, f.Proposals);
        Assert.InRange(f.ProposalsPerProject, 7.5, 7.6); // 325 / 43 ≈ 7.56, "≈ 7.5 per project"
        Assert.Equal(41, f.Completed);
        Assert.Equal(7_470_000m, f.CompletedMoney);
        // Every award of 2011 was completed: the contracted money is the report's money.
        Assert.Equal(41, f.Awarded);
        Assert.Equal(7_470_000m, f.Contracted);
        Assert.True(f.Budgeted >= f.Contracted, $"budgeted {f.Budgeted} < contracted {f.Contracted}");
        Assert.True(f.Spent > 0);
        Assert.Equal(0, column.Compliance!.ReportsOverdue);
    }

    [Fact]
    public async Task Campaign2011_ProposalsPerProject_AddUpToTheFunnel()
    {
        var column = await ColumnAsync(2011);
        var rows = await Service.ResultsAsync(Actors.Organizer, column.Id);
        Assert.Equal(43, rows.Count);
        Assert.Equal(325, rows.Sum(r => r.Proposals));
        Assert.Equal((rows.Min(r => r.Proposals), rows.Max(r => r.Proposals)), (column.Funnel.FewestProposals, column.Funnel.MostProposals));
        Assert.Equal(41, rows.Count(r => r.Winner is not null));
        Assert.Equal(7_470_000m, rows.Sum(r => r.Contracted ?? 0));
        Assert.Equal(column.Funnel.Spent, rows.Sum(r => r.Spent ?? 0));
        Assert.All(rows.Where(r => r.Winner is not null), r => Assert.Equal(ExecutionStage.Completed, r.Stage));
    }

    [Fact]
    public async Task CurrentCampaign_CountsWhatIsSeeded()
    {
        var column = (await Service.CampaignsAsync(Actors.Organizer)).First(c => c.Status != CampaignStatus.Closed);
        await using var db = fixture.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == column.Id);
        var filings = await db.Filings.Include(f => f.SponsorUnit).Include(f => f.Documents).Where(f => f.CampaignId == column.Id).ToListAsync();
        var projects = await db.Projects.Where(p => p.CampaignId == column.Id).ToListAsync();
        var ids = projects.Select(p => p.Id).ToHashSet();
        var proposals = (await db.Proposals.ToListAsync()).Where(p => ids.Contains(p.TenderProjectId) && p.Status != ProposalStatus.Withdrawn).ToList();
        var awards = (await db.Awards.ToListAsync()).Where(a => ids.Contains(a.TenderProjectId)).ToList();
        var f = column.Funnel;

        Assert.Equal(filings.Count(x => x.Status != FilingStatus.Draft && x.SponsorUnit!.Kind == UnitKind.MunicipalDepartment), f.MunicipalFilings);
        Assert.Equal(filings.Count(x => x.Status != FilingStatus.Draft && x.SponsorUnit!.Kind != UnitKind.MunicipalDepartment), f.CountyFilings);
        Assert.Equal(projects.Count, f.ConsolidatedProjects);
        Assert.Equal(proposals.Count, f.Proposals);
        Assert.Equal(awards.Count, f.Awarded);
        Assert.True(f.Awarded >= 1, "the demo's C-06 is awarded");
        Assert.Equal(projects.Sum(p => p.BudgetCeiling), f.Budgeted);
        Assert.Equal(awards.Sum(a => a.Amount), f.Contracted);
        var perProject = projects.Select(p => proposals.Count(x => x.TenderProjectId == p.Id)).ToList();
        Assert.Equal((perProject.Min(), perProject.Max()), (f.FewestProposals, f.MostProposals));
        var today = campaign.LocalDate(DateTimeOffset.UtcNow);
        Assert.Equal(filings.Count(x => x.NotReimbursableReasons(campaign, today).Count > 0), column.Compliance!.FilingsNotReimbursable);
        Assert.Equal(column.Compliance.FilingsNotReimbursable, (await Service.OverdueAsync(Actors.Organizer, column.Id)).Count);

        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var c06 = (await Service.ResultsAsync(Actors.Organizer, column.Id)).Single(r => r.Code == "C-06");
        Assert.Equal("山东大学", c06.Winner);
        Assert.Equal(awards.Single(a => a.TenderProjectId == c06.Id).Amount, c06.Contracted);
    }

    [Fact]
    public async Task SummaryPdf_InChinese_HoldsTheFigures_TheCharts_AndEachProjectsWinner()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        var column = await ColumnAsync(2011);
        var rows = await Service.ResultsAsync(Actors.Organizer, column.Id);
        var (bytes, fileName) = await Summary.PdfAsync(Actors.Organizer, column.Id, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "campaign-summary-2011-zh.pdf"), bytes, TestContext.Current.CancellationToken);
        Assert.EndsWith(".pdf", fileName);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
        Assert.InRange(pdf.NumberOfPages, 2, 6);
        Assert.Contains($"第1页，共{pdf.NumberOfPages}页", text);
        Assert.Contains("2011", string.Concat(pdf.GetPage(1).Text));
        foreach (var figure in new[] { "市直部门备案项目60", "列入市专项培训计划30", "整合推介项目43", "推介培训机构26", "收到竞标方案325", "执行完毕项目41", "¥7,470,000", "747万元" })
            Assert.Contains(figure, text);
        Assert.Contains("招标流程", text);
        Assert.Contains("合同金额（中标价合计）", text);
        // The first project's winner in Chinese, in its row after the project's code.
        var first = rows.First(r => r.Winner is not null);
        Assert.Matches("[\u4e00-\u9fff]", first.Winner!);
        Assert.Contains(first.Winner!.Replace(" ", ""), text[text.IndexOf(first.Code, StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task SummaryPdf_IsTheOrganizers_OverHttp_InTheReadersLanguage()
    {
        var column = await ColumnAsync(2011);
        using (var client = await SignIn.ClientAsync(fixture, "organizer"))
        {
            var response = await client.GetAsync(Routes.CampaignSummaryPdf(column.Id), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "campaign-summary-2011-en.pdf"), bytes, TestContext.Current.CancellationToken);
            using var pdf = PdfDocument.Open(bytes);
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains("7.47 million yuan", text);
            Assert.Contains($"Page 1 of {pdf.NumberOfPages}", text);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Routes.CampaignSummaryPdf(9999), TestContext.Current.CancellationToken)).StatusCode);
        }
        foreach (var login in new[] { "sponsor.czj", "inst.pku", "expert01" })
        {
            using var client = await SignIn.ClientAsync(fixture, login);
            var response = await client.GetAsync(Routes.CampaignSummaryPdf(column.Id), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{login}: {response.StatusCode}");
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task SummaryPdf_SpeaksOfThe2011Report_OnlyFor2011_AndNoTitleSaysATenderTwice()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("zh-CN");
        foreach (var column in await Service.CampaignsAsync(Actors.Organizer))
        {
            var (bytes, _) = await Summary.PdfAsync(Actors.Organizer, column.Id, TestContext.Current.CancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), $"campaign-summary-{column.Year}-zh.pdf"), bytes, TestContext.Current.CancellationToken);
            using var pdf = PdfDocument.Open(bytes);
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
            Assert.DoesNotContain("招标招标", text);
            Assert.Contains("工作总结", string.Concat(pdf.GetPage(1).Text).Replace(" ", ""));
            Assert.Equal(column.Year == 2011, text.Contains("2011年工作报告", StringComparison.Ordinal));
            Assert.Contains("金额单位：元", text);
        }
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task ResultsAndSummary_AreTheOrganizers(string role)
    {
        var column = await ColumnAsync(2011);
        Assert.True(AccessPolicyRefused(await Assert.ThrowsAsync<DomainException>(() => Service.ResultsAsync(Actors.Other(role), column.Id))));
        Assert.True(AccessPolicyRefused(await Assert.ThrowsAsync<DomainException>(() => Summary.PdfAsync(Actors.Other(role), column.Id))));
    }

    private static bool AccessPolicyRefused(DomainException e) =>
        AccessPolicy.IsDenied(e) || AccessPolicy.IsNotFound(e);
}
