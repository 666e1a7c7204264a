namespace BidPortal.Web.Features.Notice;

/// <summary>
/// An objection as the organizer reads it: who filed it and when, the reason, and the answer once given.
/// <see cref="FiledBy"/> and <see cref="AnsweredBy"/> are display names (null when the person has none), never login names.
/// </summary>
public sealed record ObjectionRow(int Id, string Institution, string Reason, string? FiledBy, DateTimeOffset FiledAt, string? Answer,
    string? AnsweredBy, DateTimeOffset? AnsweredAt, bool ReopenedScoring)
{
    public bool IsOpen => AnsweredAt is null;
}
