
namespace BidPortal.Domain.Projects;

public enum ProjectStatus
{
    Draft,
    /// <summary>Published: invitations out, proposals accepted until the deadline.</summary>
    Open,
    Opened,
    /// <summary>Fewer valid proposals than the minimum at opening (流标).</summary>
    Unsuccessful,
    /// <summary>The panel scores; evaluators see the proposals (after declaring conflicts).</summary>
    Evaluating,
    /// <summary>Scores locked by the organizer; the ranking is fixed until reopened or published.</summary>
    Finalised,
    /// <summary>Ranking finalised; the shortlist is published to the sponsor.</summary>
    Shortlisted,
    Awarded,
    Completed,
    Cancelled,
}
