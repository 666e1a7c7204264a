using BidPortal.Domain.Campaigns;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Dashboard;
using BidPortal.Web.Features.Dashboard;
using Bunit;

namespace BidPortal.Tests.Components;

public class FunnelTableTests : ComponentTestBase
{
    private static CampaignColumn Column2011() =>
        new(1, 2011, "Dongying 2011", CampaignStatus.Closed, IsIllustrative: true,
            new CampaignFunnel(1, 60, 28, 30, 43, 26, 325, 41, 41, 7_470_000m));

    [Fact]
    public void InEnglish_ShowsTheFiguresAndMoneyInMillions()
    {
        UseCulture("en-US");
        var table = Render<FunnelTable>(p => p.Add(t => t.Campaigns, [Column2011()]));
        string Cell(string step) => table.Find($"td[data-step='{step}'][data-year='2011']").TextContent;
        Assert.Equal(("60", "30", "43", "26", "325", "41"),
            (Cell("Funnel.MunicipalFilings"), Cell("Funnel.InSpecialPlan"), Cell("Funnel.Consolidated"), Cell("Funnel.Invited"), Cell("Funnel.Proposals"), Cell("Funnel.Completed")));
        Assert.Equal("7.6", Cell("Funnel.PerProject"));
        Assert.Equal("7.47 million yuan", Cell("Funnel.Money"));
        Assert.Contains("illustrative details", table.Markup);
    }

    [Fact]
    public void InChinese_ShowsMoneyInTenThousands_AsTheReportDoes()
    {
        UseCulture("zh-CN");
        var table = Render<FunnelTable>(p => p.Add(t => t.Campaigns, [Column2011()]));
        Assert.Equal("747 万元", table.Find("td[data-step='Funnel.Money']").TextContent);
        Assert.Contains("列入市专项培训计划", table.Markup);
        Assert.Contains("示例明细", table.Markup);
    }
}
