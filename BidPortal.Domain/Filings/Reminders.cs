namespace BidPortal.Domain.Filings;

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
