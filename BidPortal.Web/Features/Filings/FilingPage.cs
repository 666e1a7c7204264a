using BidPortal.Domain.Filings;

namespace BidPortal.Web.Features.Filings;

/// <summary>One filing as its page shows it, with what the reader may do on it.</summary>
public sealed record FilingPage(
    int Id,
    FilingStatus Status,
    string UnitName,
    FilingDetails Details,
    bool InSpecialPlan,
    string? ReviewComment,
    int? ProjectId,
    string? ProjectCode,
    IReadOnlyList<FilingDocumentRow> Documents,
    IReadOnlyList<DocumentCompliance> NotReimbursableReasons,
    IReadOnlyList<DocumentCompliance> ApprovalWarnings,
    bool CanChange,
    bool CanReview)
{
    public bool CanEditOrSubmit => CanChange && Status is FilingStatus.Draft or FilingStatus.Returned;
    public bool AwaitsReview => CanReview && Status == FilingStatus.Submitted;
    /// <summary>Major-topic and cross-unit courses belong in the special plan unless the reviewer decides otherwise.</summary>
    public bool SuggestSpecialPlan => Details.IsMajorTopic || Details.IsCrossUnit;
}
