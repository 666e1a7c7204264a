namespace BidPortal.Domain.Filings;

public static class DueDates
{
    /// <summary>The course notice, plan and budget are due <paramref name="leadDays"/> days before the course opens.</summary>
    public static DateOnly DocumentsDue(DateOnly courseStart, int leadDays) => Bounds.AddDaysClamped(courseStart, -leadDays);

    /// <summary>
    /// A document handed in on its due day or earlier is on time ("10 days before" means day -10
    /// counts); after it, late; none by the end of the due day, missing.
    /// </summary>
    public static ComplianceState Classify(DateOnly due, DateOnly? handedIn, DateOnly today) => handedIn switch
    {
        { } day when day <= due => ComplianceState.OnTime,
        not null => ComplianceState.Late,
        null when today > due => ComplianceState.Missing,
        _ => ComplianceState.NotYetDue,
    };
}
