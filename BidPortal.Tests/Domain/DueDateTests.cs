using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

/// <summary>"Notice, plan and budget at least 10 days before the course opens; the report within 15 days after it ends."</summary>
public class DueDateTests
{
    private static readonly DateOnly Opens = new(2026, 5, 11);
    private static readonly DateOnly Ends = new(2026, 5, 15);

    [Theory]
    [InlineData(-11, ComplianceState.OnTime)]
    [InlineData(-10, ComplianceState.OnTime)]
    [InlineData(-9, ComplianceState.Late)]
    public void CourseNotice_DaysBeforeOpening_Classified(int daysBefore, ComplianceState expected)
    {
        var campaign = Build.Campaign();
        // Handed in at 09:00 Beijing time on that day.
        var clock = Build.Clock();
        clock.SetUtcNow(new DateTimeOffset(Opens.AddDays(daysBefore).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var filing = Build.ApprovedFiling(campaign, clock);
        filing.AttachDocument(DocumentKind.CourseNotice, "notice.pdf", 100, "h", null, clock);
        var notice = filing.Compliance(campaign, Opens).Single(c => c.Kind == DocumentKind.CourseNotice);
        Assert.Equal(Opens.AddDays(-10), notice.Due);
        Assert.Equal(expected, notice.State);
    }

    [Theory]
    [InlineData(15, ComplianceState.OnTime)]
    [InlineData(16, ComplianceState.Late)]
    public void Report_DaysAfterEnd_Classified(int daysAfter, ComplianceState expected)
    {
        var campaign = Build.Campaign();
        var clock = Build.Clock();
        clock.SetUtcNow(new DateTimeOffset(Ends.AddDays(daysAfter).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        var filing = Build.ApprovedFiling(campaign, clock);
        filing.AttachDocument(DocumentKind.WrittenReport, "report.pdf", 100, "h", null, clock);
        Assert.Equal(expected, filing.Compliance(campaign, Ends.AddDays(30)).Single(c => c.Kind == DocumentKind.WrittenReport).State);
    }

    [Fact]
    public void DueDate_UsesTheCityCalendar_NotUtc()
    {
        // 23:30 UTC on day -11 is already 07:30 on day -10 in Beijing: still on time, and no earlier.
        var campaign = Build.Campaign();
        var clock = Build.Clock();
        clock.SetUtcNow(new DateTimeOffset(Opens.AddDays(-11).ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
        var filing = Build.ApprovedFiling(campaign, clock);
        filing.AttachDocument(DocumentKind.Budget, "budget.pdf", 100, "h", null, clock);
        Assert.Equal(ComplianceState.OnTime, filing.Compliance(campaign, Opens).Single(c => c.Kind == DocumentKind.Budget).State);
        clock.SetUtcNow(new DateTimeOffset(Opens.AddDays(-10).ToDateTime(new TimeOnly(16, 30)), TimeSpan.Zero));
        filing.AttachDocument(DocumentKind.TrainingPlan, "plan.pdf", 100, "h", null, clock);
        Assert.Equal(ComplianceState.Late, filing.Compliance(campaign, Opens).Single(c => c.Kind == DocumentKind.TrainingPlan).State);
    }

    [Fact]
    public void MissingDocuments_AfterDueDay_MakeTheCourseNotReimbursable()
    {
        var campaign = Build.Campaign();
        var filing = Build.ApprovedFiling(campaign, Build.Clock());
        Assert.Empty(filing.ReimbursementProblems(campaign, Opens.AddDays(-10)));
        var problems = filing.ReimbursementProblems(campaign, Opens.AddDays(-9));
        Assert.Equal([DocumentKind.CourseNotice, DocumentKind.TrainingPlan, DocumentKind.Budget], problems.Select(p => p.Kind));
        Assert.All(problems, p => Assert.Equal(ComplianceState.Missing, p.State));
    }
}
