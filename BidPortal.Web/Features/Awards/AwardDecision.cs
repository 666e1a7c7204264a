namespace BidPortal.Web.Features.Awards;

/// <summary>The award as made: with whom, when, for how much, and the reason when it was not the first.</summary>
public sealed record AwardDecision(int ProposalId, string Institution, int Position, decimal Amount, string? Reason, DateTimeOffset DecidedAt);
