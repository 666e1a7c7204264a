using System.Globalization;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Filings;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Components;

/// <summary>
/// The attack on step 1: a sponsor on its own filing navigates in the circuit to another unit's
/// filing and clicks "Submit" while the page is still loading the new one. The click arrives with
/// the new route id before the page's own checks have run; the service must refuse it.
/// </summary>
public class FilingNavigationRaceTests : ComponentTestBase
{
    private readonly TestDatabase _database;
    private readonly SlowFactory _contexts;
    private readonly int _own, _other;

    public FilingNavigationRaceTests()
    {
        var clock = Build.Clock();
        _database = new TestDatabase(clock);
        _database.Register(Services, clock);
        // The page reads through a factory the test can hold, as a slow database would.
        _contexts = new SlowFactory(_database.Factory);
        Services.AddSingleton<IDbContextFactory<BidPortalDbContext>>(_contexts);
        using var db = _database.Create();
        db.Actor = "test";
        var campaign = new Campaign(2026, "2026", "2026");
        campaign.OpenFiling();
        var own = new SponsorUnit("CZJ", "财政局", "Finance", UnitKind.MunicipalDepartment, "finance");
        var other = new SponsorUnit("SJJ", "审计局", "Audit", UnitKind.MunicipalDepartment, "audit");
        db.AddRange(campaign, own, other);
        db.SaveChanges();
        var mine = new Filing(campaign, own, Build.Details(), clock);
        var theirs = new Filing(campaign, other, Build.Details() with { Title = "审计业务培训班" }, clock);
        db.AddRange(mine, theirs);
        db.SaveChanges();
        (_own, _other) = (mine.Id, theirs.Id);
        AddAuthorization().SetAuthorized("sponsor.czj").SetRoles("Sponsor")
            .SetClaims(new System.Security.Claims.Claim("bidportal:unit", own.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task SubmitClickedWhileNavigatingToAnotherUnitsFiling_IsRefused_AndNeitherFilingIsSubmitted()
    {
        UseCulture("en-US");
        var page = Render<FilingDetailPage>(p => p.Add(x => x.Id, _own));
        page.WaitForAssertion(() => Assert.Contains("Submit", page.FindAll("button").Select(b => b.TextContent).Aggregate("", string.Concat)));
        // Navigation: the route id changes, and the page's load of the new filing is held mid-way.
        _contexts.HoldNext();
        var navigation = page.InvokeAsync(() => page.Instance.SetParametersAsync(
            Microsoft.AspNetCore.Components.ParameterView.FromDictionary(new Dictionary<string, object?> { ["Id"] = _other })));
        Assert.Equal(_other, page.Instance.Id);
        Assert.False(navigation.IsCompleted);

        // The old filing is still on screen (re-rendered while the new one loads) with its Submit
        // button; the click lands now, with the new id.
        await page.FindAll("button").Single(b => b.TextContent.Contains("Submit")).ClickAsync(new MouseEventArgs());
        _contexts.Release();
        await navigation;

        using var db = _database.Create();
        Assert.Equal(FilingStatus.Draft, db.Filings.Single(f => f.Id == _other).Status);
        Assert.Equal(FilingStatus.Draft, db.Filings.Single(f => f.Id == _own).Status);
        // And once loaded, the page shows the refusal rather than the other unit's filing.
        page.WaitForAssertion(() => Assert.Contains("Access denied", page.Markup));
        Assert.DoesNotContain("审计业务培训班", page.Markup);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        _database.Dispose();
        return base.DisposeAsyncCore();
    }

    /// <summary>The real SQLite factory, with a gate the test can close for the next context it hands out.</summary>
    private sealed class SlowFactory(IDbContextFactory<BidPortalDbContext> inner) : IDbContextFactory<BidPortalDbContext>
    {
        private TaskCompletionSource? _gate;
        private bool _holdNext;

        public void HoldNext()
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _holdNext = true;
        }

        public void Release() => _gate?.TrySetResult();

        public BidPortalDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<BidPortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            if (_holdNext)
            {
                _holdNext = false;
                await _gate!.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            return inner.CreateDbContext();
        }
    }
}
