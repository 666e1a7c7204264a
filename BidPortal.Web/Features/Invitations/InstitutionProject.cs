using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Invitations;

/// <summary>A project as an invited institution sees it, with where it stands and what it may do now.</summary>
/// <param name="CanRespond">The reader is the institution, its invitation awaits acknowledgement and proposals are accepted.</param>
/// <param name="CanAsk">The reader is the institution, still on the list, and proposals are accepted.</param>
public sealed record InstitutionProject(int InstitutionId, int ProjectId, string Code, string Title, Theme Theme, int Headcount,
    decimal BudgetCeiling, string Description, DateTimeOffset? Deadline, InvitationStatus Invitation, TenderStage Stage,
    bool CanRespond, bool CanAsk);
