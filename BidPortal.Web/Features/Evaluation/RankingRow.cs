namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// One proposal's line as the ranking page, the PDF, the CSV and the open-data export show it. Figures
/// are unrounded (<see cref="BidPortal.Domain.Evaluation.Scoring.Round2"/> rounds them for display);
/// <see cref="CriterionAverages"/> follows <see cref="ProjectRankingView.Criteria"/>, price included.
/// </summary>
public sealed record RankingRow(
    int ProposalId,
    int InstitutionId,
    string Institution,
    int Rank,
    decimal Score,
    decimal Price,
    decimal PriceScore,
    DateTimeOffset ReceivedAt,
    string ReceiptNumber,
    IReadOnlyList<decimal> CriterionAverages,
    decimal Spread,
    int Sheets,
    bool AbnormallyLowPrice,
    bool HasOutlier,
    bool NeedsOutlierReason,
    bool Shortlisted);
