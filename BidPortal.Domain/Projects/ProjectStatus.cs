
namespace BidPortal.Domain.Projects;

public enum ProjectStatus
{
    Draft,
    /// <summary>Published: invitations out, proposals accepted until the deadline.</summary>
    Open,
    Opened,
    /// <summary>Fewer valid proposals than the minimum at opening (流标).</summary>
    Unsuccessful,
    Evaluating,
    /// <summary>Ranking finalised; the shortlist is published to the sponsor.</summary>
    Shortlisted,
    Awarded,
    Completed,
    Cancelled,
}
