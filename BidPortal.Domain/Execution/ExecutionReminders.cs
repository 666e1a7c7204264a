using BidPortal.Domain.Filings;

namespace BidPortal.Domain;

/// <summary>
/// Step 1's reminder rule applied to the completion report of an awarded project: one mail
/// <c>ReminderLeadDays</c> before the report is due, and one on the day it becomes overdue.
/// </summary>
public static class ExecutionReminders
{
    public sealed record Due(ReminderKind Kind, DateOnly DueDate);

    public static IReadOnlyList<Due> DueOn(ExecutionRecord record, Campaigns.Campaign campaign, DateOnly today)
    {
        if (record.Status == ExecutionStatus.Completed || record.ReportDue(campaign) is not { } due) return [];
        if (today == Bounds.AddDaysClamped(due, -campaign.ReminderLeadDays)) return [new Due(ReminderKind.DueSoon, due)];
        if (today == Bounds.AddDaysClamped(due, 1)) return [new Due(ReminderKind.Overdue, due)];
        return [];
    }
}
