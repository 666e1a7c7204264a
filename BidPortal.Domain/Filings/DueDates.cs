namespace BidPortal.Domain.Filings;

public static class DueDates
{
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
