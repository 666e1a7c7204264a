namespace BidPortal.Domain.Evaluation;

public static class Rubric
{
    public const int NameMaxLength = 200;
    public const int MaxCriteria = 12;

    /// <summary>
    /// The weights a campaign starts with when nobody set others (step 7 of DOMAIN.md): training design,
    /// faculty, fit to the sponsor's needs, logistics and service, price — summing to 100 with price last.
    /// </summary>
    public static IReadOnlyList<CriterionDraft> Default { get; } =
    [
        new("方案设计", "Training design", 30, false),
        new("师资力量", "Faculty", 25, false),
        new("契合需求", "Fit to the sponsor's needs", 20, false),
        new("组织保障与服务", "Logistics and service", 15, false),
        new("报价", "Price", 10, true),
    ];

    /// <summary>
    /// The one check every rubric passes, wherever it is edited: 1–12 named lines, each worth more than 0
    /// and at most 100 points in steps of 0.5, summing to exactly 100, exactly one of them price.
    /// </summary>
    public static void Validate(IReadOnlyCollection<CriterionDraft> drafts)
    {
        if (drafts.Count == 0) throw new DomainException("Rubric.Empty");
        if (drafts.Count > MaxCriteria) throw new DomainException("Rubric.TooMany", MaxCriteria);
        foreach (var d in drafts)
        {
            if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainException("Rubric.NameRequired");
            Bounds.Length("Rubric", d.Name, NameMaxLength, TextField.Name);
            Bounds.Length("Rubric", d.NameEn ?? "", NameMaxLength, TextField.NameEn);
            if (d.MaxPoints <= 0 || d.MaxPoints > 100) throw new DomainException("Rubric.PointsRange", d.Name.Trim());
            // Half points are the finest weight a panel uses; anything finer is a typing slip.
            if (d.MaxPoints * 2 != decimal.Truncate(d.MaxPoints * 2)) throw new DomainException("Rubric.PointsStep", d.Name.Trim());
        }
        var names = drafts.Select(d => d.Name.Trim()).ToList();
        var twice = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new DomainException("Rubric.NameTwice", twice.Key);
        var total = drafts.Sum(c => c.MaxPoints);
        if (total != 100) throw new DomainException("Rubric.SumNot100", total);
        if (drafts.Count(c => c.IsPrice) != 1) throw new DomainException("Rubric.OnePrice");
    }

    /// <summary>A project's stored rubric passes the same check (before evaluation starts).</summary>
    public static void Validate(IReadOnlyCollection<Criterion> criteria) =>
        Validate([.. criteria.Select(c => new CriterionDraft(c.Name, c.NameEn, c.MaxPoints, c.IsPrice))]);
}
