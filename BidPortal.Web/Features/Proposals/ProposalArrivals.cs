namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// All the organizer may know of a project's bids before the opening: how many are in and when each
/// arrived — no institution, no price, no file.
/// </summary>
public sealed record ProposalArrivals(int Count, IReadOnlyList<DateTimeOffset> ReceivedAt);
