using System.Globalization;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Components.Pages.Evaluation;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Components;

/// <summary>The download links beside the ranking: plain addresses; the evaluators' sheets offered only to the organizer.</summary>
public sealed class RankingExportLinksTests : ComponentTestBase
{
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });
    private readonly int _projectId;
    private readonly int _leadUnitId;

    public RankingExportLinksTests()
    {
        Services.AddSingleton(_factory.Services.GetRequiredService<RankingExports>());
        using var db = _factory.CreateDbContext();
        var project = db.Projects.AsNoTracking().Single(p => p.Code == "C-05");
        (_projectId, _leadUnitId) = (project.Id, project.LeadSponsorUnitId);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _factory.DisposeAsync();
    }

    /// <summary>The links once the component has asked the service (the ranking's at once, the sheets' once the access policy has answered).</summary>
    private List<(string? Href, string Text)> Links(int expected)
    {
        var links = Render<RankingExportLinks>(p => p.Add(x => x.ProjectId, _projectId));
        links.WaitForAssertion(() => Assert.Equal("true", links.Find(".ranking-exports").GetAttribute("data-checked")));
        Assert.Equal(expected, links.FindAll("a").Count);
        return [.. links.FindAll("a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim()))];
    }

    [Fact]
    public void Organizer_GetsTheRankingAndAllTheScores_InChinese()
    {
        UseCulture("zh-CN");
        AddAuthorization().SetAuthorized("organizer").SetRoles(Roles.Organizer);
        var links = Links(4);
        Assert.Equal([Routes.RankingCsv(_projectId), Routes.RankingXlsx(_projectId), Routes.ScoresCsv(_projectId), Routes.ScoresXlsx(_projectId)],
            links.Select(l => l.Href));
        Assert.Equal(["排名（CSV）", "排名（Excel）", "全部评分明细（CSV）", "全部评分明细（Excel）"], links.Select(l => l.Text));
    }

    [Fact]
    public void LeadSponsor_GetsOnlyTheRankingLinks_InEnglish()
    {
        UseCulture("en");
        AddAuthorization().SetAuthorized("sponsor.czj").SetRoles(Roles.Sponsor)
            .SetClaims(new System.Security.Claims.Claim(PortalClaims.SponsorUnitId, _leadUnitId.ToString(CultureInfo.InvariantCulture)));
        var links = Links(2);
        Assert.Equal([Routes.RankingCsv(_projectId), Routes.RankingXlsx(_projectId)], links.Select(l => l.Href));
        Assert.Equal(["Ranking (CSV)", "Ranking (Excel)"], links.Select(l => l.Text));
    }
}
