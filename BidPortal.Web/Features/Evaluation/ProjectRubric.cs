using BidPortal.Domain.Evaluation;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>A project's own rubric (its copy of the campaign default, perhaps edited), and whether it may still change.</summary>
/// <param name="CanChange">The project is a draft: once published the rubric went out with the call.</param>
public sealed record ProjectRubric(int ProjectId, string Code, string Title, IReadOnlyList<CriterionDraft> Criteria, bool CanChange);
