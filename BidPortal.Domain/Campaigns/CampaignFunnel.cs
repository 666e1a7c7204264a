namespace BidPortal.Domain.Campaigns;

/// <summary>
/// The campaign's funnel as the dashboard shows it: filed → in plan → consolidated → invited →
/// proposals → awarded → completed, and the money in the completed projects. "In plan" counts
/// municipal filings with <see cref="Filings.Filing.IsInPlan"/>, "invited" distinct institutions with
/// <see cref="Projects.Invitation.Invited"/>.
/// </summary>
public sealed record CampaignFunnel(
    int CampaignId,
    int MunicipalFilings,
    int CountyFilings,
    int InSpecialPlan,
    int ConsolidatedProjects,
    int InvitedInstitutions,
    int Proposals,
    int Awarded,
    int Completed,
    decimal CompletedMoney)
{
    public double ProposalsPerProject => ConsolidatedProjects == 0 ? 0 : (double)Proposals / ConsolidatedProjects;
}
