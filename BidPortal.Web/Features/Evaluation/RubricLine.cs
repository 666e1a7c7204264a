namespace BidPortal.Web.Features.Evaluation;

/// <summary>One criterion on the evaluator's sheet: its name in the reader's language, its maximum, and the evaluator's own points and comment.</summary>
public sealed record RubricLine(int CriterionId, string Name, decimal MaxPoints, bool IsPrice, decimal? Points, string? Comment);
