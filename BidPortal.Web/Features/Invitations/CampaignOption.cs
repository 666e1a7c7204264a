namespace BidPortal.Web.Features.Invitations;

/// <summary>A campaign in a selector, its name in the reader's language.</summary>
public sealed record CampaignOption(int Id, int Year, string Name);
