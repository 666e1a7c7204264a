namespace BidPortal.Web.Features.Filings;

/// <summary>A campaign whose special plan can be downloaded, and how many courses it holds.</summary>
public sealed record SpecialPlanLink(int CampaignId, int Year, int Courses);
