using BidPortal.Domain.Filings;

namespace BidPortal.Domain;

/// <summary>That a completion-report reminder went out for one project's due date, so it goes out once.</summary>
public sealed class ExecutionReminderLog
{
    public int Id { get; private set; }
    public int ExecutionRecordId { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateOnly Due { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    private ExecutionReminderLog() { }

    public ExecutionReminderLog(int executionRecordId, ReminderKind kind, DateOnly due, DateTimeOffset sentAt)
    {
        ExecutionRecordId = executionRecordId;
        Kind = kind;
        Due = due;
        SentAt = sentAt;
    }
}
