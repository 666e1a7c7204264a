namespace BidPortal.Web.Features.Projects;

/// <summary>A line of the rubric as an invited institution reads it in the call: the name in the reader's language.</summary>
/// <param name="IsPrice">Computed from the prices, not scored by the panel: lowest valid price ÷ this price × the points.</param>
public sealed record CallCriterion(int Number, string Name, decimal MaxPoints, bool IsPrice);
