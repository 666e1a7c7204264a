namespace BidPortal.Web.Features.Awards;

/// <summary>
/// What the award panel shows: the shortlist to pick from, whether the reader decides (the lead sponsor), whether the
/// award can be made now and, when not, why in words (<see cref="Blocked"/>); once made, the <see cref="Decision"/>.
/// </summary>
public sealed record AwardPanelView(
    int ProjectId,
    bool CanDecide,
    bool CanAwardNow,
    string? Blocked,
    DateTimeOffset? NoticeEndsAt,
    int OpenObjections,
    IReadOnlyList<AwardChoice> Choices,
    AwardDecision? Decision);
