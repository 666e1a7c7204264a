namespace BidPortal.Domain.Evaluation;

public sealed record EvaluatorTotal(int PanelMemberId, decimal Total, bool IsOutlier, string? OutlierReason);
