using BidPortal.Domain.Audit;
namespace BidPortal.Domain;

/// <summary>An awarded project followed to its completion report (step 10).</summary>
public sealed class ExecutionRecord : IAuditable
{
    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int AwardId { get; private set; }
    public Award? Award { get; private set; }
    public ExecutionStatus Status { get; private set; }
    public DateOnly? HeldStart { get; private set; }
    public DateOnly? HeldEnd { get; private set; }
    public int? Trainees { get; private set; }
    public decimal? ActualCost { get; private set; }
    public DateTimeOffset? ReportSubmittedAt { get; private set; }
    public bool ReportLate { get; private set; }

    private ExecutionRecord() { }

    public ExecutionRecord(Award award)
    {
        TenderProjectId = award.TenderProjectId;
        AwardId = award.Id;
        Award = award;
        Status = ExecutionStatus.Scheduled;
    }

    public void RecordHeld(DateOnly start, DateOnly end, int trainees, decimal actualCost)
    {
        if (Status == ExecutionStatus.Completed) throw new DomainException("Execution.AlreadyCompleted");
        if (end < start) throw new DomainException("Execution.EndBeforeStart");
        if (trainees <= 0) throw new DomainException("Execution.TraineesPositive");
        if (actualCost < 0) throw new DomainException("Execution.CostNegative");
        HeldStart = start;
        HeldEnd = end;
        Trainees = trainees;
        ActualCost = actualCost;
        Status = ExecutionStatus.Held;
    }

    /// <summary>The written report completes the project; after the campaign's report window it is recorded as late.</summary>
    public void SubmitReport(Campaigns.Campaign campaign, TimeProvider clock)
    {
        if (Status != ExecutionStatus.Held) throw new DomainException("Execution.NotHeld");
        var now = clock.GetUtcNow();
        ReportSubmittedAt = now;
        ReportLate = campaign.LocalDate(now) > campaign.ReportDueFor(HeldEnd!.Value);
        Status = ExecutionStatus.Completed;
    }
}
