using Microsoft.AspNetCore.DataProtection;

namespace BidPortal.Web.Infrastructure.Invitations;

public sealed record AckLink(LinkState State, int InstitutionId, IReadOnlyList<int> InvitationIds);
