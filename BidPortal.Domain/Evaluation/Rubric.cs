namespace BidPortal.Domain.Evaluation;

public static class Rubric
{
    /// <summary>Maximum points sum to 100, and exactly one criterion is price.</summary>
    public static void Validate(IReadOnlyCollection<Criterion> criteria)
    {
        var total = criteria.Sum(c => c.MaxPoints);
        if (total != 100) throw new DomainException("Rubric.SumNot100", total);
        if (criteria.Count(c => c.IsPrice) != 1) throw new DomainException("Rubric.OnePrice");
    }
}
