namespace BidPortal.Domain.Evaluation;

public sealed record RankingSheet(int PanelMemberId, int ProposalId, IReadOnlyDictionary<int, decimal> PointsByCriterion, string? OutlierReason);
