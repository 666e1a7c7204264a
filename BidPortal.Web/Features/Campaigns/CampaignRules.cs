namespace BidPortal.Web.Features.Campaigns;

/// <summary>The rules page of one campaign.</summary>
public sealed record CampaignRules(CampaignSummary Campaign, RuleSettings Settings);
