namespace BidPortal.Domain.Evaluation;

public sealed record RankedProposal(int ProposalId, int Rank, decimal Score, decimal Price, DateTimeOffset ReceivedAt);
