using BidPortal.Domain;

namespace BidPortal.Web.Features.Execution;

/// <summary>One awarded or completed project of a campaign as the organizer's execution list shows it.</summary>
public sealed record ExecutionRow(
    int ProjectId,
    string Code,
    string Title,
    string Winner,
    decimal Budget,
    decimal Contracted,
    decimal? ActualCost,
    decimal? Variance,
    DateOnly? HeldStart,
    DateOnly? HeldEnd,
    int? Trainees,
    DateOnly? ReportDue,
    ExecutionStage Stage,
    bool ReportLate);
