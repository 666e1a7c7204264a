namespace BidPortal.Web.Features.Evaluation;

/// <summary>One cell of the progress board: an evaluator's sheet for one proposal (when submitted, since when).</summary>
public sealed record ProgressCell(int ProposalId, SheetProgress State, DateTimeOffset? SubmittedAt);
