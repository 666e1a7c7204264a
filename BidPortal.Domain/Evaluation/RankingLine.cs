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
    public bool NeedsOutlierReason => Evaluators.Any(e => e.IsOutlier && string.IsNullOrWhiteSpace(e.OutlierReason));
}
