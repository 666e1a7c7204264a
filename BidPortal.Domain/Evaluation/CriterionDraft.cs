namespace BidPortal.Domain.Evaluation;

/// <summary>A rubric line as an editor or a seed file gives it, before it belongs to a campaign or a project.</summary>
public sealed record CriterionDraft(string Name, string NameEn, decimal MaxPoints, bool IsPrice);
