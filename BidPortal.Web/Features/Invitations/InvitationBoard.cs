using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Invitations;

/// <summary>The organizer's invitation board for one project.</summary>
/// <param name="Invited">Invitations that went out (<see cref="Invitation.Invited"/>).</param>
/// <param name="AwaitingSend">Invitations on the list, not yet sent (<see cref="Invitation.AwaitingSend"/>).</param>
public sealed record InvitationBoard(int ProjectId, ProjectStatus Status, int Invited, int AwaitingSend, IReadOnlyList<InvitationRow> Rows)
{
    public bool IsDraft => Status == ProjectStatus.Draft;
    public bool IsOpen => Status == ProjectStatus.Open;
}
