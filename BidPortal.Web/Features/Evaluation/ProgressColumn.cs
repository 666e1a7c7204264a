namespace BidPortal.Web.Features.Evaluation;

/// <summary>A column of the progress board: one of the current round's valid proposals, by institution (the organizer always sees names).</summary>
public sealed record ProgressColumn(int ProposalId, string Institution);
