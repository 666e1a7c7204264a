using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class FilingTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly Campaign _campaign = Build.Campaign();

    private Filing Draft() => new(_campaign, Build.Unit(), Build.Details(), _clock);

    [Fact]
    public void Create_InCampaignNotOpenForFiling_IsRefused()
    {
        var planning = new Campaign(2026, "计划", "Plan");
        var error = Assert.Throws<DomainException>(() => new Filing(planning, Build.Unit(), Build.Details(), _clock));
        Assert.Equal("Filing.CampaignClosed", error.Key);
    }

    [Theory]
    [InlineData(0, 5, 100_000, "Filing.HeadcountPositive")]
    [InlineData(50, 0, 100_000, "Filing.DaysPositive")]
    [InlineData(50, 5, -1, "Filing.BudgetNegative")]
    public void Create_WithBadNumbers_IsRefusedWithTheRule(int headcount, int days, decimal budget, string key)
    {
        var details = Build.Details(headcount: headcount, budget: budget) with { Days = days };
        var error = Assert.Throws<DomainException>(() => new Filing(_campaign, Build.Unit(), details, _clock));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void Create_EndBeforeStart_IsRefused()
    {
        var details = Build.Details() with { PlannedEnd = new DateOnly(2026, 5, 1) };
        Assert.Equal("Filing.EndBeforeStart", Assert.Throws<DomainException>(() => new Filing(_campaign, Build.Unit(), details, _clock)).Key);
    }

    [Fact]
    public void Create_MoreDaysThanTheDatesHold_IsRefused()
    {
        var details = Build.Details() with { Days = 9 };
        Assert.Equal("Filing.DaysExceedDates", Assert.Throws<DomainException>(() => new Filing(_campaign, Build.Unit(), details, _clock)).Key);
    }

    [Fact]
    public void Submit_Draft_BecomesSubmittedAtServerTime()
    {
        var filing = Draft();
        filing.Submit(_clock);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Equal(Build.Start, filing.SubmittedAt);
    }

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var filing = Draft();
        filing.Submit(_clock);
        Assert.Equal("Filing.NotSubmittable", Assert.Throws<DomainException>(() => filing.Submit(_clock)).Key);
    }

    [Fact]
    public void Approve_IntoSpecialPlan_IsApprovedAndInPlan()
    {
        var filing = Draft();
        filing.Submit(_clock);
        filing.Approve(intoSpecialPlan: true, _clock, "列入计划");
        Assert.Equal(FilingStatus.Approved, filing.Status);
        Assert.True(filing.InSpecialPlan);
        Assert.Equal("列入计划", filing.ReviewComment);
    }

    [Fact]
    public void Approve_Draft_IsRefused() =>
        Assert.Equal("Filing.NotSubmitted", Assert.Throws<DomainException>(() => Draft().Approve(true, _clock)).Key);

    [Fact]
    public void Return_WithoutComment_IsRefused_AndWithOne_CanBeEditedAndResubmitted()
    {
        var filing = Draft();
        filing.Submit(_clock);
        Assert.Equal("Filing.CommentRequired", Assert.Throws<DomainException>(() => filing.ReturnForChanges(" ", _clock)).Key);
        filing.ReturnForChanges("请补充课程安排", _clock);
        Assert.Equal(FilingStatus.Returned, filing.Status);
        filing.Edit(Build.Details(headcount: 60));
        filing.Submit(_clock);
        Assert.Equal(60, filing.Headcount);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
    }

    [Fact]
    public void Edit_Submitted_IsRefused()
    {
        var filing = Draft();
        filing.Submit(_clock);
        Assert.Equal("Filing.NotEditable", Assert.Throws<DomainException>(() => filing.Edit(Build.Details())).Key);
    }

    [Fact]
    public void Reject_NeedsAReason_AndThenRefusesDocuments()
    {
        var filing = Draft();
        filing.Submit(_clock);
        Assert.Equal("Filing.ReasonRequired", Assert.Throws<DomainException>(() => filing.Reject("", _clock)).Key);
        filing.Reject("与年度重点不符", _clock);
        Assert.Equal(FilingStatus.Rejected, filing.Status);
        Assert.Equal("Filing.Rejected", Assert.Throws<DomainException>(() =>
            filing.AttachDocument(DocumentKind.CourseNotice, "n.pdf", 10, "h", null, _clock)).Key);
    }

    [Fact]
    public void Exclude_Approved_RecordsKindAndReason_ButNotASubmittedOne()
    {
        var submitted = Draft();
        submitted.Submit(_clock);
        Assert.Equal("Filing.NotApproved", Assert.Throws<DomainException>(() => submitted.Exclude(ExclusionKind.TooSmall, "规模过小", _clock)).Key);
        var approved = Build.ApprovedFiling(_campaign, _clock);
        approved.Exclude(ExclusionKind.TooSmall, "规模过小", _clock);
        Assert.Equal(FilingStatus.Excluded, approved.Status);
        Assert.Equal(ExclusionKind.TooSmall, approved.ExclusionKind);
        Assert.Equal("规模过小", approved.ReviewComment);
    }

    [Fact]
    public void WrittenReport_BeforeApproval_IsRefused()
    {
        var filing = Draft();
        Assert.Equal("Filing.ReportBeforeApproval", Assert.Throws<DomainException>(() =>
            filing.AttachDocument(DocumentKind.WrittenReport, "r.pdf", 10, "h", null, _clock)).Key);
    }

    [Fact]
    public void Document_Empty_IsRefused() =>
        Assert.Equal("File.Empty", Assert.Throws<DomainException>(() =>
            Draft().AttachDocument(DocumentKind.CourseNotice, "n.pdf", 0, "h", null, _clock)).Key);
}
