using BidPortal.Domain.Audit;
namespace BidPortal.Domain.Projects;

/// <summary>A question on a project (答疑). Its answer goes to every invitee without the asker's name.</summary>
public sealed class Question : IAuditable
{
    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int AskedByInstitutionId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset AskedAt { get; private set; }
    public QuestionStatus Status { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>The answer changes what a proposal must contain.</summary>
    public bool IsMaterial { get; private set; }

    public const int TextMaxLength = 4000;
    public const int AnswerMaxLength = 8000;

    private Question() { }

    public Question(TenderProject project, Invitation invitation, string text, TimeProvider clock)
    {
        if (invitation.TenderProjectId != project.Id || !invitation.IsActive) throw new DomainException("Question.NotInvited");
        if (!project.AcceptsProposals(clock.GetUtcNow())) throw new DomainException("Question.Closed");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Field.Required", TextField.Question);
        Bounds.Length("Question", text, TextMaxLength, TextField.Question);
        TenderProjectId = project.Id;
        AskedByInstitutionId = invitation.InstitutionId;
        Text = text.Trim();
        AskedAt = clock.GetUtcNow();
        Status = QuestionStatus.Asked;
    }

    public void AnswerWith(string answer, bool isMaterial, TimeProvider clock)
    {
        if (Status != QuestionStatus.Asked) throw new DomainException("Question.AlreadyAnswered");
        if (string.IsNullOrWhiteSpace(answer)) throw new DomainException("Field.Required", TextField.Answer);
        Bounds.Length("Question", answer, AnswerMaxLength, TextField.Answer);
        Answer = answer.Trim();
        IsMaterial = isMaterial;
        AnsweredAt = clock.GetUtcNow();
        Status = QuestionStatus.Answered;
    }

    /// <summary>A material answer within the last <paramref name="days"/> days before the deadline calls for an extension.</summary>
    public bool CallsForExtension(DateTimeOffset deadline, int days = 3) =>
        IsMaterial && AnsweredAt is { } at && at < deadline && deadline - at <= TimeSpan.FromDays(days);
}
