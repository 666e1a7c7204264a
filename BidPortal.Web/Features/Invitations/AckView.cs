using BidPortal.Web.Infrastructure.Invitations;

namespace BidPortal.Web.Features.Invitations;

/// <summary>What the acknowledgement link shows: its state, the institution, its projects and how many still await it.</summary>
public sealed record AckView(LinkState State, string Institution, IReadOnlyList<string> Projects, int Pending)
{
    public bool IsValid => State == LinkState.Valid && Projects.Count > 0;
}
