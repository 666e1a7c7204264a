using BidPortal.Domain;

namespace BidPortal.Web.Features.Execution;

/// <summary>
/// One awarded project's execution as its organizer and lead sponsor read it: the contract, what was
/// recorded, the report's due date and what may be done now.
/// </summary>
public sealed record ProjectExecutionView(
    int ProjectId,
    int CampaignId,
    string Code,
    string Title,
    string Winner,
    decimal Budget,
    decimal Contracted,
    DateOnly? HeldStart,
    DateOnly? HeldEnd,
    int? Trainees,
    decimal? ActualCost,
    decimal? Variance,
    string? Note,
    DateTimeOffset? RecordedAt,
    DateOnly? ReportDue,
    int ReportDueDays,
    ExecutionStage Stage,
    DateTimeOffset? ReportSubmittedAt,
    bool ReportLate,
    string? ReportFileName,
    bool CanRecord,
    bool CanSubmitReport,
    bool IsOrganizer);
