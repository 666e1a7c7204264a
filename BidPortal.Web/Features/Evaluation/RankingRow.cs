namespace BidPortal.Web.Features.Evaluation;

/// <summary>One proposal's line as the ranking page, the PDF, the CSV and the open-data export show it.</summary>
public sealed record RankingRow(
    int ProposalId,
    int InstitutionId,
    string Institution,
    int Rank,
    decimal Score,
    decimal Price,
    decimal PriceScore,
    bool AbnormallyLowPrice,
    bool NeedsOutlierReason);
