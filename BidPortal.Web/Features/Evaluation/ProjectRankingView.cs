using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A project's ranking for the screen and its exports, names in the reader's language. While the panel
/// is scoring it is provisional (<see cref="MissingSheets"/> &gt; 0); once finalised it is locked.
/// </summary>
public sealed record ProjectRankingView(
    int ProjectId,
    string Code,
    string Title,
    ProjectStatus Status,
    IReadOnlyList<CriterionColumn> Criteria,
    IReadOnlyList<RankingRow> Rows,
    IReadOnlyList<UnscoredRow> Unscored,
    int PanelSize,
    int MissingSheets,
    DateTimeOffset? FinalisedAt,
    DateTimeOffset? ShortlistPublishedAt,
    int ShortlistSize)
{
    public bool IsLocked => Status is not (ProjectStatus.Opened or ProjectStatus.Evaluating);
}
