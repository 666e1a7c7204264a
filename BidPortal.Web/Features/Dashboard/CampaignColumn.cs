using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>One campaign's column on the dashboard, its name in the reader's language, and its compliance today.</summary>
public sealed record CampaignColumn(int Id, int Year, string Name, CampaignStatus Status, bool IsIllustrative, CampaignFunnel Funnel,
    CampaignCompliance? Compliance = null);
