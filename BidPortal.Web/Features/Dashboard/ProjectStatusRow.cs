using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>
/// A current project on the dashboard. <see cref="AwaitsOpening"/>: open, past its deadline, waiting
/// for the opening, whatever its stored state says. <see cref="Invited"/> counts invitations that went out.
/// </summary>
public sealed record ProjectStatusRow(int Id, string Code, string Title, ProjectStatus Status, bool AwaitsOpening, DateTimeOffset? Deadline,
    int Invited, decimal BudgetCeiling);
