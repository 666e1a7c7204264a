namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// Where one evaluator stands on one proposal: its own list shows the first three, the organizer's
/// progress board all four.
/// </summary>
public enum SheetProgress
{
    NotStarted,
    Draft,
    Submitted,
    Conflict,
}
