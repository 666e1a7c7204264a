namespace BidPortal.Web.Features.Notice;

/// <summary>
/// The public notice (公示) as one bidder reads it: the recommended ranking while a shortlist is published
/// (empty once scoring is reopened), when the notice ends, whether an objection can be filed now, this
/// institution's own place when it is not on the list, and its own objections with their answers.
/// </summary>
public sealed record NoticeView(int ProjectId, string ProjectCode, string ProjectTitle, bool Published, DateTimeOffset? NoticeEndsAt,
    bool AcceptsObjections, IReadOnlyList<NoticeRow> Rows, NoticeStanding? Own, IReadOnlyList<OwnObjection> Objections)
{
    /// <summary>An objection of this institution still waits for its answer: another cannot be filed yet.</summary>
    public bool HasOpenObjection => Objections.Any(o => o.AnsweredAt is null);
}
