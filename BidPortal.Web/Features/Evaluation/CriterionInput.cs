namespace BidPortal.Web.Features.Evaluation;

/// <summary>One typed criterion of a <see cref="SheetInput"/>.</summary>
public sealed record CriterionInput(int CriterionId, decimal? Points, string? Comment);
