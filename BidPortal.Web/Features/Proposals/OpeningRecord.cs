using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// The opening record (开标记录) of a project's current round, in the reader's language: who bid, at
/// what price, when each bid arrived, its receipt and hash, and whether it opened valid.
/// </summary>
public sealed record OpeningRecord(int ProjectId, string Code, string Title, string Campaign, int Round, ProjectStatus Status,
    DateTimeOffset? Deadline, DateTimeOffset? OpenedAt, string OpenedBy, int MinValidProposals, string? CancelReason,
    IReadOnlyList<OpeningRecordRow> Rows)
{
    public int Valid => Rows.Count(r => r.Outcome == OpeningOutcome.Valid);
    public int Flagged => Rows.Count(r => r.Outcome == OpeningOutcome.Flagged);
    public int Withdrawn => Rows.Count(r => r.Outcome == OpeningOutcome.Withdrawn);
    /// <summary>流标: fewer valid proposals than the project's minimum.</summary>
    public bool IsUnsuccessful => Status == ProjectStatus.Unsuccessful || (Status == ProjectStatus.Cancelled && Valid < MinValidProposals);
}
