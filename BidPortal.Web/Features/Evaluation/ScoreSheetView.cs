using BidPortal.Domain.Evaluation;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// The evaluator's page for one proposal: who it is (an institution's name, or "方案 A" in blind mode and then
/// no name anywhere), what it offers, the rubric with the evaluator's own points, and — only once its own sheet
/// is submitted — the other evaluators' submitted scores.
/// </summary>
public sealed record ScoreSheetView(
    int ProposalId,
    int ProjectId,
    string ProjectCode,
    string ProjectTitle,
    string Label,
    bool Blind,
    ProposalFacts Facts,
    IReadOnlyList<RubricLine> Rubric,
    string? Comment,
    ScoreSheetStatus? Status,
    DateTimeOffset? SubmittedAt,
    string? OutlierReason,
    decimal PriceScore,
    bool CanScore,
    bool NeedsJustification,
    IReadOnlyList<PanelSheetScore>? Others)
{
    public bool IsSubmitted => Status == ScoreSheetStatus.Submitted;

    /// <summary>The typed points (blank counted as 0) and the computed price score, unrounded.</summary>
    public decimal Total => Rubric.Where(r => !r.IsPrice).Sum(r => r.Points ?? 0) + PriceScore;
}
