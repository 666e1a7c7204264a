namespace BidPortal.Domain.Filings;

public sealed record SuggestedGroup(string Reason, string Key, IReadOnlyList<Filing> Filings);
