using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A project's panel as the organizer manages it: who sits on it and how far each has got, who could
/// join, and what the panel's size means (<see cref="BidPortal.Domain.Evaluation.PanelAdvice"/>).
/// </summary>
public sealed record PanelView(
    int ProjectId,
    string Code,
    ProjectStatus Status,
    bool BlindEvaluation,
    IReadOnlyList<PanelMemberRow> Members,
    IReadOnlyList<EvaluatorCandidate> Candidates,
    bool IsTooSmall,
    bool IsBelowRecommended,
    bool IsEven,
    bool CanChange,
    bool CanChangeBlindMode,
    bool CanStart,
    string? RubricProblem)
{
    /// <summary>Fewer than five, or an even number: allowed, with a warning.</summary>
    public bool HasWarning => Members.Count > 0 && (IsBelowRecommended || IsEven);
}
