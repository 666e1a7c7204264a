using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A project as one of its evaluators sees it. Before its declaration of conflicts: the rubric and the
/// bidding institutions by name only (<see cref="Bidders"/>), no proposal. After it: the proposals it
/// may evaluate (<see cref="Proposals"/>), named or, in blind mode, lettered.
/// </summary>
public sealed record EvaluatorWorkspace(
    int ProjectId,
    string Code,
    string Title,
    ProjectStatus Status,
    bool BlindEvaluation,
    IReadOnlyList<CriterionColumn> Criteria,
    bool HasDeclared,
    DateTimeOffset? DeclaredAt,
    IReadOnlyList<Bidder> Bidders,
    IReadOnlyList<WorkspaceProposal> Proposals,
    bool AcceptsScores);
