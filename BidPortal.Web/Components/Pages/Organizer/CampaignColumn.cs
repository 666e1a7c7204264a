using System.Globalization;
using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Components.Pages.Organizer;

public sealed record CampaignColumn(Campaign Campaign, CampaignFunnel Funnel)
{
    public static string NameOf(Campaign campaign) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? campaign.Name : campaign.NameEn;
}
