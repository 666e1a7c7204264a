namespace BidPortal.Domain.Filings;

public enum ReminderKind { DueSoon, Overdue }

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

/// <summary>The reminder rule: one mail <c>ReminderLeadDays</c> before each due date, and one on the day it is overdue.</summary>
public static class Reminders
{
    public sealed record Due(DocumentKind Document, ReminderKind Kind, DateOnly DueDate);

    public static IReadOnlyList<Due> DueOn(Filing filing, Campaigns.Campaign campaign, DateOnly today)
    {
        if (filing.Status is not (FilingStatus.Approved or FilingStatus.Consolidated)) return [];
        var result = new List<Due>();
        foreach (var c in filing.Compliance(campaign, today).Where(c => filing.LatestDocument(c.Kind) is null))
        {
            if (today == Bounds.AddDaysClamped(c.Due, -campaign.ReminderLeadDays)) result.Add(new Due(c.Kind, ReminderKind.DueSoon, c.Due));
            if (today == Bounds.AddDaysClamped(c.Due, 1)) result.Add(new Due(c.Kind, ReminderKind.Overdue, c.Due));
        }
        return result;
    }
}
