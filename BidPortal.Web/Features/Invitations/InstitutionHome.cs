using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Features.Invitations;

/// <summary>
/// An institution's home page: the invitations that went out to it, and the campaigns they belong to.
/// <paramref name="CurrentCampaignId"/> is the campaign the list opens on (the current one).
/// </summary>
public sealed record InstitutionHome(int Id, string Name, InstitutionCategory Category, IReadOnlyList<CampaignOption> Campaigns,
    int? CurrentCampaignId, IReadOnlyList<InstitutionInvitationRow> Invitations);
