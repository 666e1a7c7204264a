namespace BidPortal.Web.Features.Notice;

/// <summary>An objection as the organizer reads it: who filed it and when, the reason, and the answer once given.</summary>
public sealed record ObjectionRow(int Id, string Institution, string Reason, string FiledBy, DateTimeOffset FiledAt, string? Answer,
    string? AnsweredBy, DateTimeOffset? AnsweredAt, bool ReopenedScoring)
{
    public bool IsOpen => AnsweredAt is null;
}
