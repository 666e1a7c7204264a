namespace BidPortal.Domain.Evaluation;

public static class Rubric
{
    /// <summary>
    /// The weights a project gets when nobody set others: the same as the demo campaigns' rubric
    /// (seed-data/campaign-*.json), summing to 100 with price last.
    /// </summary>
    public static IReadOnlyList<(string Name, string NameEn, decimal MaxPoints, bool IsPrice)> Default { get; } =
    [
        ("方案设计", "Programme design", 30, false),
        ("师资力量", "Faculty", 25, false),
        ("课程内容", "Course content", 20, false),
        ("组织保障", "Organisation and logistics", 15, false),
        ("报价", "Price", 10, true),
    ];

    /// <summary>Maximum points sum to 100, and exactly one criterion is price.</summary>
    public static void Validate(IReadOnlyCollection<Criterion> criteria)
    {
        var total = criteria.Sum(c => c.MaxPoints);
        if (total != 100) throw new DomainException("Rubric.SumNot100", total);
        if (criteria.Count(c => c.IsPrice) != 1) throw new DomainException("Rubric.OnePrice");
    }
}
