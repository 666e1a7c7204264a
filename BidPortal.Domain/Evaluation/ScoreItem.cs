namespace BidPortal.Domain.Evaluation;

/// <summary>One criterion on a score sheet: the points (blank while a draft) and the evaluator's comment beside them.</summary>
public sealed class ScoreItem
{
    public const int CommentMaxLength = 2000;

    public int Id { get; private set; }
    public int ScoreSheetId { get; private set; }
    public int CriterionId { get; private set; }
    public Criterion? Criterion { get; private set; }
    public decimal? Points { get; internal set; }
    public string? Comment { get; internal set; }

    private ScoreItem() { }

    internal ScoreItem(Criterion criterion)
    {
        Criterion = criterion;
        CriterionId = criterion.Id;
    }

    internal bool IsFor(Criterion criterion) =>
        criterion.Id != 0 ? CriterionId == criterion.Id : ReferenceEquals(Criterion, criterion);
}
