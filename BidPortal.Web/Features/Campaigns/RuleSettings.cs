using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Features.Campaigns;

/// <summary>
/// A campaign's due-date and tender rules, in days and counts, as the organizer sets them; the public notice
/// period applies to shortlists published from then on.
/// </summary>
public sealed record RuleSettings(int DocumentsLeadDays, int ReportDueDays, int ReminderLeadDays, int DefaultBidWindowDays,
    int MinValidProposals, int ShortlistSize, int NoticeDays = Campaign.DefaultNoticeDays);
