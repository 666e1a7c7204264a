namespace BidPortal.Web.Features.Evaluation;

/// <summary>What the evaluator typed: points (blank while undecided) and a comment per typed criterion, and the overall comment.</summary>
public sealed record SheetInput(IReadOnlyList<CriterionInput> Items, string? Comment);
