namespace BidPortal.Domain.Filings;

public sealed record DocumentCompliance(DocumentKind Kind, DateOnly Due, ComplianceState State, DateTimeOffset? UploadedAt);
