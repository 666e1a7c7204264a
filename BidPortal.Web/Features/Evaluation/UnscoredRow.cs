namespace BidPortal.Web.Features.Evaluation;

/// <summary>A valid proposal no evaluator has submitted a sheet for yet: listed under the ranking, unranked.</summary>
public sealed record UnscoredRow(int ProposalId, string Institution, decimal Price);
