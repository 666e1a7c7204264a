namespace BidPortal.Web.Features.Execution;

/// <summary>What the record form sends: the dates held, trainees, actual cost and a note.</summary>
public sealed record ExecutionInput(DateOnly? Start, DateOnly? End, int? Trainees, decimal? ActualCost, string? Note);
