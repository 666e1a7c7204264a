namespace BidPortal.Web.Features.Filings;

/// <summary>A sponsoring unit's courses in the special training plan, with its subtotals; the name in the reader's language.</summary>
public sealed record SpecialPlanUnit(string Name, IReadOnlyList<SpecialPlanCourse> Courses)
{
    public int Headcount => Courses.Sum(c => c.Headcount);
    public decimal Budget => Courses.Sum(c => c.Budget);
}
