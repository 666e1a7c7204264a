namespace BidPortal.Web.Features.Questions;

/// <summary>A question and its answer. <paramref name="Asker"/> is filled only for the organizer.</summary>
public sealed record QuestionItem(int Id, string Text, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt,
    bool IsMaterial, string? Asker)
{
    public bool IsAnswered => Answer is not null;
}
