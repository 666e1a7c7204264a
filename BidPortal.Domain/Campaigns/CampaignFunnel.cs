namespace BidPortal.Domain.Campaigns;

/// <summary>
/// The campaign's funnel as the dashboard shows it: filed → in plan → consolidated → invited →
/// proposals → awarded → completed, and the money in the completed projects. "In plan" counts
/// municipal filings with <see cref="Filings.Filing.IsInPlan"/>, "invited" distinct institutions with
/// <see cref="Projects.Invitation.Invited"/>.
/// Money: <see cref="Budgeted"/> the budget ceilings of the consolidated projects, <see cref="Contracted"/>
/// the award amounts, <see cref="Spent"/> the actual costs recorded in execution. Proposals per project:
/// the fewest and the most that any consolidated project received (the mean is <see cref="ProposalsPerProject"/>).
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
    decimal CompletedMoney,
    decimal Budgeted = 0m,
    decimal Contracted = 0m,
    decimal Spent = 0m,
    int FewestProposals = 0,
    int MostProposals = 0)
{
    public double ProposalsPerProject => ConsolidatedProjects == 0 ? 0 : (double)Proposals / ConsolidatedProjects;
}
