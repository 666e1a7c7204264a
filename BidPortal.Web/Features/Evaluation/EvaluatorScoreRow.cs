namespace BidPortal.Web.Features.Evaluation;

/// <summary>One evaluator's counted total for one ranked proposal, whether it is far from the panel mean, and its written reason.</summary>
public sealed record EvaluatorScoreRow(int ProposalId, int PanelMemberId, string Evaluator, decimal Total, bool IsOutlier, string? OutlierReason);
