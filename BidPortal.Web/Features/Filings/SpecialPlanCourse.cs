using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Features.Filings;

/// <summary>A course in the special training plan.</summary>
public sealed record SpecialPlanCourse(string Title, Theme Theme, DateOnly Start, DateOnly End, int Days, int Headcount, decimal Budget);
