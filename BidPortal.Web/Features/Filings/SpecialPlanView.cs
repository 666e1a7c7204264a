namespace BidPortal.Web.Features.Filings;

/// <summary>One campaign's special training plan (《专题培训计划》): its approved in-plan courses by sponsoring unit.</summary>
public sealed record SpecialPlanView(int CampaignId, int Year, string CampaignName, DateOnly IssuedOn, IReadOnlyList<SpecialPlanUnit> Units)
{
    public int Courses => Units.Sum(u => u.Courses.Count);
    public int Headcount => Units.Sum(u => u.Headcount);
    public decimal Budget => Units.Sum(u => u.Budget);
}
