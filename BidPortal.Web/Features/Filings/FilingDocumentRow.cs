using BidPortal.Domain.Filings;

namespace BidPortal.Web.Features.Filings;

/// <summary>A required document of a filing: when it is due, whether it came in time, the latest file.</summary>
public sealed record FilingDocumentRow(
    DocumentKind Kind,
    DateOnly Due,
    ComplianceState State,
    int? LatestId,
    string? FileName,
    DateTimeOffset? UploadedAt,
    bool Downloadable,
    bool CanUpload);
