namespace BidPortal.Web.Features.Evaluation;

/// <summary>A rubric line as a column of the ranking and its exports, named in the reader's language.</summary>
public sealed record CriterionColumn(int CriterionId, string Name, decimal MaxPoints, bool IsPrice);
