namespace BidPortal.Web.Features.Consolidation;

/// <summary>The consolidation screen of the open campaign; <see cref="CampaignId"/> is null when no campaign is open.</summary>
public sealed record ConsolidationView(int? CampaignId, IReadOnlyList<ApprovedFiling> Filings, IReadOnlyList<MergeSuggestion> Suggestions, string NextCode)
{
    public static ConsolidationView None { get; } = new(null, [], [], "");
}
