using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Features.Invitations;

/// <summary>An institution's home page: the invitations that went out to it.</summary>
public sealed record InstitutionHome(int Id, string Name, InstitutionCategory Category, IReadOnlyList<InstitutionInvitationRow> Invitations);
