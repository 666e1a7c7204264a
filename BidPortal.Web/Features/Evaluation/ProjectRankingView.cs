namespace BidPortal.Web.Features.Evaluation;

/// <summary>A project's ranking for the screen and its exports, names in the reader's language.</summary>
public sealed record ProjectRankingView(int ProjectId, string Code, string Title, IReadOnlyList<RankingRow> Rows);
