using BidPortal.Domain.Audit;
using BidPortal.Domain.Projects;

namespace BidPortal.Domain.Evaluation;

/// <summary>The organizer reopened a finalised (or published) evaluation: who, when, from which state and why.</summary>
public sealed class ScoringReopening : IAuditable
{
    public const int ReasonMaxLength = 2000;

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public ProjectStatus FromStatus { get; private set; }
    public string Reason { get; private set; } = "";
    public string ReopenedBy { get; private set; } = "";
    public DateTimeOffset ReopenedAt { get; private set; }

    private ScoringReopening() { }

    internal ScoringReopening(ProjectStatus from, string reason, string by, DateTimeOffset at)
    {
        FromStatus = from;
        Reason = reason;
        ReopenedBy = by;
        ReopenedAt = at;
    }
}
