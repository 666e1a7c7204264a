namespace BidPortal.Domain.Evaluation;

/// <summary>One proposal's line in the ranking: the same figures feed the page, the PDF and the export.</summary>
public sealed record RankingLine(
    int ProposalId,
    int Rank,
    decimal Score,
    decimal Price,
    DateTimeOffset ReceivedAt,
    decimal PriceScore,
    IReadOnlyDictionary<int, decimal> CriterionAverages,
    IReadOnlyList<EvaluatorTotal> Evaluators,
    bool AbnormallyLowPrice)
{
    /// <summary>Highest evaluator total minus lowest: how far the panel is apart on this proposal.</summary>
    public decimal Spread => Evaluators.Count == 0 ? 0 : Evaluators.Max(e => e.Total) - Evaluators.Min(e => e.Total);

    public bool HasOutlier => Evaluators.Any(e => e.IsOutlier);

    public bool NeedsOutlierReason => Evaluators.Any(e => e.IsOutlier && string.IsNullOrWhiteSpace(e.OutlierReason));
}
