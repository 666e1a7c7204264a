namespace BidPortal.Web.Features.Notice;

/// <summary>An objection of the reading institution, with the organizer's answer once given.</summary>
public sealed record OwnObjection(int Id, string Reason, DateTimeOffset FiledAt, string? Answer, DateTimeOffset? AnsweredAt,
    bool ReopenedScoring);
