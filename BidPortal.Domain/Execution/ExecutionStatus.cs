namespace BidPortal.Domain;

public enum ExecutionStatus { Scheduled, Held, Completed }
