namespace BidPortal.Web.Features.Awards;

/// <summary>
/// A bidder's outcome on its project page: awarded, or not with its own rank among the <paramref name="Ranked"/> ranked
/// bids (no rank when its bid was invalid at opening); the winner's name and the award date.
/// </summary>
public sealed record OutcomeView(int ProjectId, bool Awarded, int? Rank, int Ranked, string Winner, DateTimeOffset DecidedAt);
