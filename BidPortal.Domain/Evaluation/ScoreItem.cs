namespace BidPortal.Domain.Evaluation;

public sealed class ScoreItem
{
    public int Id { get; private set; }
    public int ScoreSheetId { get; private set; }
    public int CriterionId { get; private set; }
    public Criterion? Criterion { get; private set; }
    public decimal Points { get; internal set; }

    private ScoreItem() { }

    internal ScoreItem(Criterion criterion, decimal points)
    {
        Criterion = criterion;
        CriterionId = criterion.Id;
        Points = points;
    }
}
