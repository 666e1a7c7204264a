namespace BidPortal.Domain.Evaluation;

public sealed record RankingProposal(int ProposalId, decimal Price, DateTimeOffset ReceivedAt);
