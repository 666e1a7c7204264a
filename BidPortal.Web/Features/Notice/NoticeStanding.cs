namespace BidPortal.Web.Features.Notice;

/// <summary>
/// The reading institution's own place when it is not on the recommended list: its rank and score in the
/// same ranking, or neither when its proposal was not ranked (found invalid at the opening).
/// </summary>
public sealed record NoticeStanding(int? Rank, decimal? Score);
