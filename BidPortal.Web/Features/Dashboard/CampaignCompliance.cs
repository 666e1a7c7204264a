namespace BidPortal.Web.Features.Dashboard;

/// <summary>
/// A campaign's compliance on a given day: approved filings whose documents are late or missing (step 1's
/// reimbursement rule, <see cref="Domain.Filings.Filing.NotReimbursableReasons"/>), and awarded projects whose
/// completion report is overdue (<see cref="Domain.ExecutionRecord.StageOn"/>).
/// </summary>
public sealed record CampaignCompliance(int FilingsNotReimbursable, int ReportsOverdue);
