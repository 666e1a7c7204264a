namespace BidPortal.Domain.Evaluation;

public sealed record RankInput(int ProposalId, decimal Score, decimal Price, DateTimeOffset ReceivedAt);
