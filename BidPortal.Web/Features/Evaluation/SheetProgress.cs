namespace BidPortal.Web.Features.Evaluation;

/// <summary>How far the acting evaluator's own sheet for a proposal has got.</summary>
public enum SheetProgress { NotStarted, Draft, Submitted }
