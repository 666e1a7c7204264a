namespace BidPortal.Domain;

/// <summary>An awarded project as people read it (step 10): derived from the record and today's date.</summary>
public enum ExecutionStage { InExecution, Completed, ReportOverdue }
