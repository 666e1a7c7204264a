namespace BidPortal.Domain.Filings;

/// <summary>That a reminder went out for one document's due date, so it goes out once.</summary>
public sealed class ReminderLog
{
    public int Id { get; private set; }
    public int FilingId { get; private set; }
    public DocumentKind Document { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateOnly Due { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    private ReminderLog() { }

    public ReminderLog(int filingId, DocumentKind document, ReminderKind kind, DateOnly due, DateTimeOffset sentAt)
    {
        FilingId = filingId;
        Document = document;
        Kind = kind;
        Due = due;
        SentAt = sentAt;
    }
}
