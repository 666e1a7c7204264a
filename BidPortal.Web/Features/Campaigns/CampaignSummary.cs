namespace BidPortal.Web.Features.Campaigns;

/// <summary>A campaign by id, year and name in the reader's language.</summary>
public sealed record CampaignSummary(int Id, int Year, string Name);
