namespace BidPortal.Domain.Evaluation;

public enum ScoreSheetStatus { Draft, Submitted }
