using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Filings;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Components;

/// <summary>The organizer's review buttons against a real SQLite file.</summary>
public class ReviewActionsTests : ComponentTestBase
{
    private readonly FakeTimeProvider _clock = Build.Clock();
    private readonly TestDatabase _database;
    private readonly int _filingId;
    private int _reviewed;

    public ReviewActionsTests()
    {
        _database = new TestDatabase(_clock);
        _database.Register(Services, _clock);
        AddAuthorization().SetAuthorized("organizer").SetRoles("Organizer");
        using var db = _database.Create();
        var campaign = new Campaign(2026, "2026", "2026");
        campaign.OpenFiling();
        var unit = new SponsorUnit("CZJ", "财政局", "Finance", UnitKind.MunicipalDepartment, "finance");
        db.AddRange(campaign, unit);
        db.SaveChanges();
        var filing = new Filing(campaign, unit, Build.Details(), _clock);
        filing.Submit(_clock);
        db.Filings.Add(filing);
        db.SaveChanges();
        _filingId = filing.Id;
    }

    private IRenderedComponent<MudBlazor.MudDialogProvider>? _dialogs;

    private IRenderedComponent<ReviewActions> Render(bool suggestPlan = true, IReadOnlyList<DocumentCompliance>? warnings = null)
    {
        // Confirmations open in the layout's dialog provider.
        _dialogs = Render<MudBlazor.MudDialogProvider>();
        return Render<ReviewActions>(p => p.Add(r => r.FilingId, _filingId).Add(r => r.SuggestSpecialPlan, suggestPlan)
            .Add(r => r.UnitName, "财政局").Add(r => r.Warnings, warnings ?? []).Add(r => r.Reviewed, () => _reviewed++));
    }

    private void Answer(string button) =>
        _dialogs!.WaitForAssertion(() => _dialogs!.FindAll("button").Single(b => b.TextContent.Trim() == button).Click());

    private Filing Stored()
    {
        using var db = _database.Create();
        return db.Filings.Single(f => f.Id == _filingId);
    }

    [Fact]
    public void TheCommentField_CarriesItsColumnsMaxlength() =>
        Assert.Equal($"{BidPortal.Domain.Filings.Filing.ReviewCommentMaxLength}", Render().Find("textarea").GetAttribute("maxlength"));

    [Fact]
    public void Return_WithoutAComment_SaysSo_AndChangesNothing()
    {
        UseCulture("en-US");
        var actions = Render();
        actions.FindAll("button").Single(b => b.TextContent.Contains("Return for changes")).Click();
        actions.WaitForAssertion(() => Assert.Contains("Say what needs to change when returning a filing.", actions.Markup));
        Assert.Equal(FilingStatus.Submitted, Stored().Status);
        Assert.Equal(0, _reviewed);
    }

    [Fact]
    public void Approve_PutsTheFilingIntoTheSpecialPlan_AndAudits()
    {
        UseCulture("en-US");
        var actions = Render(suggestPlan: true);
        actions.FindAll("button").Single(b => b.TextContent.Contains("Approve")).Click();
        actions.WaitForAssertion(() => Assert.Equal(1, _reviewed));
        var filing = Stored();
        Assert.Equal((FilingStatus.Approved, true), (filing.Status, filing.InSpecialPlan));
        using var db = _database.Create();
        var entry = db.AuditEntries.OrderByDescending(a => a.Sequence).First();
        Assert.Equal(("organizer", "StatusChanged", "Submitted -> Approved"), (entry.Actor, entry.Action, entry.Details));
    }

    [Fact]
    public void Reject_WithAReason_RecordsIt()
    {
        UseCulture("zh-CN");
        var actions = Render();
        actions.Find("textarea").Change("与年度重点不符");
        actions.FindAll("button").Single(b => b.TextContent.Contains("驳回")).Click();
        // Asked first, saying what happens and to whom.
        _dialogs!.WaitForAssertion(() => Assert.Contains("财政局将在备案页面看到驳回结果和理由；该备案不能再修改或重新提交。", _dialogs!.Markup));
        Assert.Equal(FilingStatus.Submitted, Stored().Status);
        Answer("驳回");
        actions.WaitForAssertion(() => Assert.Equal(1, _reviewed));
        var filing = Stored();
        Assert.Equal((FilingStatus.Rejected, "与年度重点不符"), (filing.Status, filing.ReviewComment));
    }

    [Fact]
    public void Reject_Cancelled_ChangesNothing()
    {
        UseCulture("en-US");
        var actions = Render();
        actions.Find("textarea").Change("Off this year's priorities");
        actions.FindAll("button").Single(b => b.TextContent.Contains("Reject")).Click();
        _dialogs!.WaitForAssertion(() => Assert.Contains("Once rejected, 财政局 sees the rejection and its reason", _dialogs!.Markup));
        Answer("Cancel");
        _dialogs!.WaitForAssertion(() => Assert.DoesNotContain("Once rejected", _dialogs!.Markup));
        var filing = Stored();
        Assert.Equal((FilingStatus.Submitted, null), (filing.Status, filing.ReviewComment));
        Assert.Equal(0, _reviewed);
        Assert.Contains("Off this year's priorities", actions.Markup);
    }

    [Fact]
    public void Approve_OfACourseStartingTooSoon_WarnsBeforeTheDecision()
    {
        UseCulture("en-US");
        // The course opens in five days: the documents were due ten days before it, and none is in.
        using var db = _database.Create();
        var filing = db.Filings.Single(f => f.Id == _filingId);
        var campaign = db.Campaigns.Single(c => c.Id == filing.CampaignId);
        var today = campaign.LocalDate(_clock.GetUtcNow());
        var soon = new Filing(campaign, db.SponsorUnits.Single(), Build.Details(start: today.AddDays(5)), _clock);
        soon.Submit(_clock);
        var warnings = soon.ApprovalWarnings(campaign, today);
        var actions = Render(warnings: warnings);
        Assert.Contains("Approved now, this course will not be reimbursable:", actions.Markup);
        Assert.Contains("Course notice missing (due", actions.Markup);
        // A course far enough ahead is not warned about.
        Assert.Empty(filing.ApprovalWarnings(campaign, today));
        Assert.DoesNotContain("will not be reimbursable", Render().Markup);
    }

    [Fact]
    public void Return_AfterAnotherOrganizerApproved_SaysSo_ReloadsThePage_AndKeepsTheirDecision()
    {
        UseCulture("en-US");
        var actions = Render();
        // A colleague approves the same filing while this page is open.
        using (var db = _database.Create())
        {
            db.Actor = "organizer2";
            db.Filings.Single(f => f.Id == _filingId).Approve(intoSpecialPlan: false, _clock);
            db.SaveChanges();
        }
        actions.Find("textarea").Change("请补充预算明细");
        actions.FindAll("button").Single(b => b.TextContent.Contains("Return for changes")).Click();
        actions.WaitForAssertion(() => Assert.Equal(1, _reviewed));
        Assert.Equal(FilingStatus.Approved, Stored().Status);
        Assert.DoesNotContain("Returned", actions.Markup);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        _database.Dispose();
        return base.DisposeAsyncCore();
    }
}
