using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Consolidation;
using BidPortal.Web.Features.Consolidation;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ConsolidationService = BidPortal.Web.Features.Consolidation.Consolidation;

namespace BidPortal.Tests.Components;

/// <summary>The merge form against a real SQLite file: a refused merge is a message on the form, never a broken page.</summary>
public class MergeFormTests : ComponentTestBase
{
    private readonly FakeTimeProvider _clock = Build.Clock();
    private readonly TestDatabase _database;
    private readonly ApprovedFiling _filing;
    private int _merged;

    public MergeFormTests()
    {
        _database = new TestDatabase(_clock);
        Services.AddSingleton<IDbContextFactory<BidPortalDbContext>>(_database.Factory);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton<ConsolidationService>();
        AddAuthorization().SetAuthorized("organizer").SetRoles("Organizer");
        using var db = _database.Create();
        var campaign = new Campaign(2026, "2026", "2026");
        campaign.OpenFiling();
        var unit = new SponsorUnit("CZJ", "财政局", "Finance", UnitKind.MunicipalDepartment, "finance");
        db.AddRange(campaign, unit);
        db.SaveChanges();
        var filings = Enumerable.Range(0, 2).Select(_ => new Filing(campaign, unit, Build.Details(), _clock)).ToList();
        foreach (var f in filings)
        {
            f.Submit(_clock);
            f.Approve(intoSpecialPlan: true, _clock);
        }
        db.Filings.AddRange(filings);
        db.SaveChanges();
        db.Projects.Add(TenderProject.Consolidate(campaign, "C-01", "已有项目", "Existing", "", Theme.EconomicManagement, ["finance"], [filings[0]]));
        db.SaveChanges();
        var open = filings[1];
        _filing = new ApprovedFiling(open.Id, open.Title, "Finance", "finance", open.Theme, open.Headcount, open.Budget,
            BidPortal.Domain.Institutions.SpecialtyTags.ForFilings([open]));
    }

    private IRenderedComponent<MergeForm> Render(string code) =>
        Render<MergeForm>(p => p.Add(f => f.Selected, [_filing]).Add(f => f.NextCode, code).Add(f => f.Merged, _ => _merged++));

    [Fact]
    public void Merge_WithACodeAlreadyTaken_ShowsWhy_AndMakesNoProject()
    {
        UseCulture("en-US");
        var form = Render("C-01");
        form.FindAll("button").Single(b => b.TextContent.Contains("Merge into a project")).Click();
        form.WaitForAssertion(() => Assert.Contains("The code “C-01” is taken.", form.Markup));
        using var db = _database.Create();
        Assert.Equal(1, db.Projects.Count());
        Assert.Equal(FilingStatus.Approved, db.Filings.Single(f => f.Id == _filing.Id).Status);
        Assert.Equal(0, _merged);
    }

    [Fact]
    public void Merge_StartsWithTheUnitsSystemTags_AndMakesTheProject()
    {
        UseCulture("en-US");
        var form = Render("C-02");
        Assert.Contains("finance, accounting", form.Markup);
        form.FindAll("button").Single(b => b.TextContent.Contains("Merge into a project")).Click();
        form.WaitForAssertion(() => Assert.Equal(1, _merged));
        using var db = _database.Create();
        Assert.Equal(["accounting", "finance"], db.Projects.Single(p => p.Code == "C-02").Tags);
    }

    [Fact]
    public void Merge_InChinese_ShowsTagsByTheirChineseNames_MoneyGrouped_AndTakesNamesInEitherLanguage()
    {
        UseCulture("zh-CN");
        var form = Render("C-03");
        var tags = form.FindAll("input").Single(i => i.GetAttribute("value") == "财政金融、会计");
        Assert.Contains(form.FindAll("input"), i => i.GetAttribute("value") == "150,000");
        Assert.DoesNotContain("150000.0", form.Markup);
        tags.Change("审计, finance、county governance");
        form.FindAll("button").Single(b => b.TextContent.Contains("整合为项目")).Click();
        form.WaitForAssertion(() => Assert.Equal(1, _merged));
        using var db = _database.Create();
        Assert.Equal(["audit", "county-governance", "finance"], db.Projects.Single(p => p.Code == "C-03").Tags);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _database.Dispose();
    }
}
