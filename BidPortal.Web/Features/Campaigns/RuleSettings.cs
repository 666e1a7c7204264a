namespace BidPortal.Web.Features.Campaigns;

/// <summary>A campaign's due-date and tender rules, in days and counts, as the organizer sets them.</summary>
public sealed record RuleSettings(int DocumentsLeadDays, int ReportDueDays, int ReminderLeadDays, int DefaultBidWindowDays,
    int MinValidProposals, int ShortlistSize);
