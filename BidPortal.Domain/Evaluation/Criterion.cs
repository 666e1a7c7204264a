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

    internal Criterion(string name, string nameEn, decimal maxPoints, bool isPrice, int order)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Field.Required", TextField.Name);
        if (maxPoints <= 0 || maxPoints > 100) throw new DomainException("Rubric.PointsRange");
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        MaxPoints = maxPoints;
        IsPrice = isPrice;
        Order = order;
    }
}
