namespace BidPortal.Web.Features.Questions;

/// <summary>
/// The organizer's questions on a project. <paramref name="OffersExtension"/>: a material answer came
/// within three days of the deadline; <paramref name="SuggestedDeadline"/> is three days later.
/// <paramref name="Invitees"/>: how many institutions an answer is mailed to.
/// </summary>
public sealed record QuestionBoard(int ProjectId, bool IsOpen, DateTimeOffset? Deadline, IReadOnlyList<QuestionItem> Questions,
    bool OffersExtension, DateTimeOffset? SuggestedDeadline, int Invitees);
