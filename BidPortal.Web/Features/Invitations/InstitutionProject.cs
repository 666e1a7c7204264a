using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Invitations;

/// <summary>A project as an invited institution sees it, with what it may do now.</summary>
/// <param name="CanRespond">The reader is the institution and its invitation awaits acknowledgement.</param>
/// <param name="CanAsk">The reader is the institution, still on the list, and proposals are accepted.</param>
public sealed record InstitutionProject(int InstitutionId, int ProjectId, string Code, string Title, Theme Theme, int Headcount,
    decimal BudgetCeiling, string Description, DateTimeOffset? Deadline, InvitationStatus Invitation, bool CanRespond, bool CanAsk);
