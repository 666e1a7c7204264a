namespace BidPortal.Web.Features.Consolidation;

/// <summary>Filings that look mergeable: of one system ("system") or with alike titles ("title").</summary>
public sealed record MergeSuggestion(string Reason, string Key, IReadOnlyList<ApprovedFiling> Filings);
