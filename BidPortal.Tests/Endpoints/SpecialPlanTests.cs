using System.Globalization;
using System.Net;
using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Endpoints;

/// <summary>The year's special training plan (《专题培训计划》) as Excel and as a PDF, from the demo's 2011 campaign.</summary>
public class SpecialPlanTests(SpecialPlanTests.Fixture fixture) : IClassFixture<SpecialPlanTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private async Task<(int CampaignId, List<Filing> InPlan)> PlanOf2011Async()
    {
        await using var db = fixture.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Year == 2011);
        var inPlan = await db.Filings.Include(f => f.SponsorUnit).Where(f => f.CampaignId == campaign.Id).Where(Filing.IsInPlan).ToListAsync();
        return (campaign.Id, inPlan);
    }

    private async Task<byte[]> GetInChineseAsync(string login, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = await SignIn.ClientAsync(fixture, login);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Excel_ListsEveryInPlanCourse_WithUnitSubtotals_AndTheTotal_InChinese()
    {
        var (campaignId, inPlan) = await PlanOf2011Async();
        Assert.Equal(30, inPlan.Count);
        var xlsx = await GetInChineseAsync("organizer", Routes.SpecialPlanXlsx(campaignId));
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var courses = rows.Where(r => r["序号"] is not null).ToList();
        Assert.Equal(inPlan.Select(f => f.Title).Order(), courses.Select(r => r["培训项目名称"]!.ToString()).Order());
        Assert.Equal(inPlan.Sum(f => f.Budget), courses.Sum(r => Convert.ToDecimal(r["经费预算（元）"], CultureInfo.InvariantCulture)));
        var subtotals = rows.Where(r => r["培训项目名称"]?.ToString() == "小计").ToList();
        Assert.Equal(inPlan.Select(f => f.SponsorUnitId).Distinct().Count(), subtotals.Count);
        var total = rows.Last();
        Assert.Equal("合计", total["培训项目名称"]);
        Assert.Equal(inPlan.Sum(f => f.Headcount), Convert.ToInt32(total["人数"], CultureInfo.InvariantCulture));
        Assert.Equal(inPlan.Sum(f => f.Budget), Convert.ToDecimal(total["经费预算（元）"], CultureInfo.InvariantCulture));
        var firstUnit = inPlan.First().SponsorUnit!;
        Assert.Equal(inPlan.Where(f => f.SponsorUnitId == firstUnit.Id).Sum(f => f.Budget),
            Convert.ToDecimal(subtotals.Single(r => r["主办单位"]?.ToString() == firstUnit.Name)["经费预算（元）"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Pdf_IsIssuedByTheOrganizationDepartment_AndReadsBackInChinese()
    {
        var (campaignId, inPlan) = await PlanOf2011Async();
        var bytes = await GetInChineseAsync("organizer", Routes.SpecialPlanPdf(campaignId));
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(Enumerable.Range(1, pdf.NumberOfPages).Select(p => pdf.GetPage(p).Text));
        Assert.Contains("2011年度专题培训计划", text);
        Assert.Contains("中共东营市委组织部", text);
        Assert.Contains(inPlan[0].SponsorUnit!.Name, text);
        Assert.Contains(inPlan[0].Title, text);
        Assert.Contains(BidPortal.Web.Components.Shared.Money.Format(inPlan.Sum(f => f.Budget)) is var total ? total.Replace("¥", "") : "", text);
        Assert.Contains("合计", text);
    }

    [Theory]
    [InlineData("sponsor.czj")]
    [InlineData("inst.pku")]
    public async Task Others_AreRefused(string login)
    {
        var (campaignId, _) = await PlanOf2011Async();
        await GetInChineseAsync(login, Routes.SpecialPlanXlsx(campaignId), HttpStatusCode.Forbidden);
        await GetInChineseAsync(login, Routes.SpecialPlanPdf(campaignId), HttpStatusCode.Forbidden);
    }
}
