using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Invitations;

/// <summary>
/// One institution on the organizer's board for a project: what the routing rule decides and why,
/// and, once it is on the list, how its invitation is going.
/// </summary>
public sealed record InvitationRow(
    int InstitutionId, string Code, string Name, InstitutionCategory Category, IReadOnlyList<string> InstitutionTags,
    bool RuleInvites, InvitationBasis? RuleBasis, IReadOnlyList<string> SharedTags,
    int? InvitationId, InvitationStatus? Status, InvitationBasis? Basis, string? Note,
    string? PhoneConfirmedBy, DateTimeOffset? PhoneConfirmedAt, string? LastDeliveryError, int ChaseCount)
{
    public bool IsOnList => Status is not null and not InvitationStatus.Removed;
    public bool IsActive => Status is not null and not (InvitationStatus.Removed or InvitationStatus.Declined);
    public bool IsListed => Status == InvitationStatus.Listed;
    public bool WentOut => Status is InvitationStatus.Sent or InvitationStatus.Delivered or InvitationStatus.Acknowledged;
}
