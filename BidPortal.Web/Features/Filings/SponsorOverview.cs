using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Filings;

/// <summary>A sponsoring unit's own filings and the projects it leads.</summary>
public sealed record SponsorOverview(string UnitName, IReadOnlyList<SponsorOverview.FilingRow> Filings, IReadOnlyList<SponsorOverview.ProjectRow> Projects)
{
    public sealed record FilingRow(int Id, int Year, string Title, Theme Theme, DateOnly Start, DateOnly End, FilingStatus Status,
        string? ProjectCode, bool NotReimbursable);

    /// <param name="Id">The project, for its pages (the shortlist; an awarded one links to its execution).</param>
    /// <param name="ShortlistOpen">The shortlist is published to this unit: the count links to it.</param>
    public sealed record ProjectRow(int Id, string Code, string Title, ProjectStatus Status, int Shortlisted, bool AwaitsOpening = false,
        bool ShortlistOpen = false)
    {
        /// <summary>Awarded or completed: its execution record and report are the sponsor's to keep.</summary>
        public bool HasExecution => Status is ProjectStatus.Awarded or ProjectStatus.Completed;
    }
}
