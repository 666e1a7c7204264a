namespace BidPortal.Domain.Evaluation;

/// <summary>One line of a project's rubric. The price criterion's points are computed, never typed.</summary>
public sealed class Criterion
{
    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public decimal MaxPoints { get; private set; }
    public bool IsPrice { get; private set; }
    public int Order { get; private set; }

    private Criterion() { }

    /// <summary>The name in the reader's language; the English form falls back to the Chinese.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Name, NameEn);

    /// <summary>The name for a message: the catalog picks the reader's language.</summary>
    public NamePair Names => new(Name, NameEn);

    /// <summary>A line of a rubric <see cref="Rubric.Validate(IReadOnlyCollection{CriterionDraft})"/> has passed.</summary>
    internal Criterion(CriterionDraft draft, int order)
    {
        Name = draft.Name.Trim();
        NameEn = string.IsNullOrWhiteSpace(draft.NameEn) ? Name : draft.NameEn.Trim();
        MaxPoints = draft.MaxPoints;
        IsPrice = draft.IsPrice;
        Order = order;
    }
}
