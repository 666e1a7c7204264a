using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Components.Pages.Dashboard;

public sealed record CampaignColumn(Campaign Campaign, CampaignFunnel Funnel)
{
    public static string NameOf(Campaign campaign) => Infrastructure.Bilingual.Pick(campaign.Name, campaign.NameEn);
}
