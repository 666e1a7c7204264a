using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// The organizer's progress board: panel members against the current round's valid proposals, the
/// overall count of sheets submitted and owed, and the history of reopenings.
/// </summary>
public sealed record ProgressView(
    int ProjectId,
    ProjectStatus Status,
    IReadOnlyList<ProgressColumn> Proposals,
    IReadOnlyList<ProgressMember> Members,
    int Submitted,
    int ToScore,
    int MissingSheets,
    IReadOnlyList<ReopeningRow> Reopenings);
