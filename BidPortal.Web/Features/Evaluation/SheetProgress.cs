namespace BidPortal.Web.Features.Evaluation;

/// <summary>Where one evaluator stands on one proposal, as the organizer's progress board shows it.</summary>
public enum SheetProgress
{
    NotStarted,
    Draft,
    Submitted,
    Conflict,
}
