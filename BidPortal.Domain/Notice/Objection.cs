using BidPortal.Domain.Audit;

namespace BidPortal.Domain.Notice;

/// <summary>
/// A bidder's objection (质疑) to the recommended ranking, filed during the public notice period and
/// answered by the organizer. While any objection is unanswered the project cannot be awarded.
/// </summary>
public sealed class Objection : IAuditable
{
    public const int ReasonMaxLength = 4000;
    public const int AnswerMaxLength = 4000;

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int InstitutionId { get; private set; }
    public string Reason { get; private set; } = "";
    public string FiledBy { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>The organizer reopened scoring when answering (the objection was upheld in part or whole).</summary>
    public bool ReopenedScoring { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    private Objection() { }

    internal Objection(int projectId, int institutionId, string reason, string by, DateTimeOffset at)
    {
        TenderProjectId = projectId;
        InstitutionId = institutionId;
        Reason = reason;
        FiledBy = by;
        FiledAt = at;
    }

    /// <summary>The organizer's answer closes the objection; it is given once and not changed.</summary>
    public void Respond(string answer, bool reopenedScoring, string by, TimeProvider clock)
    {
        if (!IsOpen) throw new DomainException("Objection.AlreadyAnswered");
        if (Bounds.IsBlank(answer)) throw new DomainException("Objection.AnswerRequired");
        Bounds.Length("Objection", answer, AnswerMaxLength, TextField.Answer);
        Answer = answer.Trim();
        ReopenedScoring = reopenedScoring;
        AnsweredBy = by;
        AnsweredAt = clock.GetUtcNow();
    }
}
