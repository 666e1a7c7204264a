using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Invitations;

/// <summary>The organizer's invitation board for one project.</summary>
/// <param name="AwaitsOpening">Published and past its deadline (<see cref="TenderProject.AwaitsOpening"/>): nothing more goes out.</param>
/// <param name="Invited">Invitations that went out (<see cref="Invitation.Invited"/>).</param>
/// <param name="AwaitingSend">Invitations on the list, not yet sent (<see cref="Invitation.AwaitingSend"/>).</param>
public sealed record InvitationBoard(int ProjectId, ProjectStatus Status, bool AwaitsOpening, int Invited, int AwaitingSend,
    IReadOnlyList<InvitationRow> Rows)
{
    public bool IsDraft => Status == ProjectStatus.Draft;
    /// <summary>Published and still accepting proposals: invitations may be added, sent and chased.</summary>
    public bool IsOpen => Status == ProjectStatus.Open && !AwaitsOpening;
}
