namespace BidPortal.Web.Features.Evaluation;

<<<<<<< HEAD
/// <summary>How far the acting evaluator's own sheet for a proposal has got.</summary>
public enum SheetProgress { NotStarted, Draft, Submitted }
=======
/// <summary>Where one evaluator stands on one proposal, as the organizer's progress board shows it.</summary>
public enum SheetProgress
{
    NotStarted,
    Draft,
    Submitted,
    Conflict,
}
>>>>>>> eval-board
