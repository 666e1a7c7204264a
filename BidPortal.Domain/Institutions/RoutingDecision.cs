namespace BidPortal.Domain.Institutions;

/// <summary>Why an institution is, or is not, on a project's invitation list.</summary>
public sealed record RoutingDecision(Institution Institution, bool Invited, InvitationBasis? Basis, IReadOnlyList<string> SharedTags);
