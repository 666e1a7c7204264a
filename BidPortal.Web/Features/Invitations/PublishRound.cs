namespace BidPortal.Web.Features.Invitations;

/// <summary>The publish page: the open campaign's draft projects and its default bidding window.</summary>
public sealed record PublishRound(int WindowDays, IReadOnlyList<DraftProjectRow> Projects);
