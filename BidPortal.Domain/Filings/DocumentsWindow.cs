namespace BidPortal.Domain.Filings;

/// <summary>
/// The time a course leaves for its course notice, training plan and budget: they are due
/// <see cref="LeadDays"/> days before the course opens (the campaign's rule, 10), and
/// <see cref="Today"/> is the city's calendar day (Beijing).
/// </summary>
public sealed record DocumentsWindow(int LeadDays, DateOnly Today)
{
    public DateOnly DueFor(DateOnly courseStart) => DueDates.DocumentsDue(courseStart, LeadDays);

    /// <summary>
    /// Fewer than <see cref="LeadDays"/> days from today to the start: the due day has passed, so
    /// the documents can only come in late and the course will not be reimbursable. Warned as soon
    /// as the start is typed, and again to the reviewer before approving.
    /// </summary>
    public bool LeavesTooLittleTime(DateOnly courseStart) =>
        DueDates.Classify(DueFor(courseStart), handedIn: null, Today) == ComplianceState.Missing;
}
