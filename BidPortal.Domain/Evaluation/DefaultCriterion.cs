namespace BidPortal.Domain.Evaluation;

/// <summary>A line of a campaign's default rubric, copied into each project consolidated in it.</summary>
public sealed class DefaultCriterion
{
    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public decimal MaxPoints { get; private set; }
    public bool IsPrice { get; private set; }
    public int Order { get; private set; }

    private DefaultCriterion() { }

    internal DefaultCriterion(CriterionDraft draft, int order)
    {
        Name = draft.Name.Trim();
        NameEn = string.IsNullOrWhiteSpace(draft.NameEn) ? Name : draft.NameEn.Trim();
        MaxPoints = draft.MaxPoints;
        IsPrice = draft.IsPrice;
        Order = order;
    }

    public CriterionDraft ToDraft() => new(Name, NameEn, MaxPoints, IsPrice);

    public string NameIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Name, NameEn);
}
