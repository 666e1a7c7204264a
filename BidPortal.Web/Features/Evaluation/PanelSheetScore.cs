namespace BidPortal.Web.Features.Evaluation;

/// <summary>Another evaluator's submitted sheet for the same proposal: points aligned to the rubric lines (the price line holds the price score).</summary>
public sealed record PanelSheetScore(string Evaluator, decimal Total, IReadOnlyList<decimal?> Points, string? OutlierReason);
