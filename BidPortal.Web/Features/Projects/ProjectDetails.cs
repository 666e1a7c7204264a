using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Projects;

/// <summary>
/// The organizer's project page. <paramref name="WindowDays"/> is the campaign's default bidding window;
/// <paramref name="AwaitsOpening"/>: published and past its deadline (已截止，等待开标), whatever the stored state says.
/// </summary>
public sealed record ProjectDetails(int Id, string Code, string Title, ProjectStatus Status, IReadOnlyList<string> Tags, Theme Theme,
    int Headcount, decimal BudgetCeiling, DateTimeOffset? Deadline, bool AwaitsOpening, string Description, int WindowDays, IReadOnlyList<SourceFiling> Sources)
{
    public bool IsDraft => Status == ProjectStatus.Draft;
}
