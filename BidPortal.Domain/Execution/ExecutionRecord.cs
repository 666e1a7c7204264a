using BidPortal.Domain.Audit;
namespace BidPortal.Domain;

/// <summary>
/// An awarded project followed to its completion report (step 10): the dates held, trainees and the
/// actual cost against the budget, then the written report, due <c>ReportDueDays</c> (15) after the
/// course ends, as for a filing in step 1.
/// </summary>
public sealed class ExecutionRecord : IAuditable
{
    public const int MaxTrainees = Bounds.MaxHeadcount;
    public const int NoteMaxLength = 2000;
    public const int FileNameMaxLength = 260;

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int AwardId { get; private set; }
    public Award? Award { get; private set; }
    public ExecutionStatus Status { get; private set; }
    public DateOnly? HeldStart { get; private set; }
    public DateOnly? HeldEnd { get; private set; }
    public int? Trainees { get; private set; }
    public decimal? ActualCost { get; private set; }
    /// <summary>Why the cost differs from the contract, or anything the organizer should know.</summary>
    public string? Note { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public DateTimeOffset? ReportSubmittedAt { get; private set; }
    public bool ReportLate { get; private set; }
    /// <summary>The stored report file (a key of the file store) and the name it was uploaded under.</summary>
    public string? ReportFileKey { get; private set; }
    public string? ReportFileName { get; private set; }
    public string? ReportSubmittedBy { get; private set; }

    private ExecutionRecord() { }

    public ExecutionRecord(Award award)
    {
        TenderProjectId = award.TenderProjectId;
        AwardId = award.Id;
        Award = award;
        Status = ExecutionStatus.Scheduled;
    }

    /// <summary>
    /// The course as held (so not ending after <paramref name="today"/>, the campaign's date); may be corrected
    /// until the report is in. A cost above the contracted amount needs its explanation in the note.
    /// </summary>
    public void RecordHeld(DateOnly start, DateOnly end, int trainees, decimal actualCost, DateOnly today, string? note = null,
        string? by = null, TimeProvider? clock = null)
    {
        if (Status == ExecutionStatus.Completed) throw new DomainException("Execution.AlreadyCompleted");
        if (!Bounds.InRange(start) || !Bounds.InRange(end)) throw new DomainException("Execution.DateRange");
        if (end < start) throw new DomainException("Execution.EndBeforeStart");
        if (end > today) throw new DomainException("Execution.HeldInFuture", end);
        if (end.DayNumber - start.DayNumber + 1 > Bounds.MaxDays) throw new DomainException("Execution.DaysTooMany", Bounds.MaxDays);
        if (trainees <= 0) throw new DomainException("Execution.TraineesPositive");
        if (trainees > MaxTrainees) throw new DomainException("Execution.TraineesTooMany", MaxTrainees);
        if (actualCost < 0) throw new DomainException("Execution.CostNegative");
        if (!Bounds.IsMoney(actualCost)) throw new DomainException("Execution.CostRange", Bounds.MaxMoney);
        Bounds.Length("Execution", note, NoteMaxLength, TextField.Note);
        if (Award is { } award && actualCost > award.Amount && Bounds.IsBlank(note))
            throw new DomainException("Execution.OverspendNeedsNote", award.Amount);
        HeldStart = start;
        HeldEnd = end;
        Trainees = trainees;
        ActualCost = actualCost;
        Note = Bounds.IsBlank(note) ? null : note!.Trim();
        RecordedBy = by;
        RecordedAt = clock?.GetUtcNow();
        Status = ExecutionStatus.Held;
    }

    /// <summary>The written report completes the project; after the campaign's report window it is recorded as late.</summary>
    public void SubmitReport(Campaigns.Campaign campaign, TimeProvider clock, string? fileKey = null, string? fileName = null, string? by = null)
    {
        if (Status != ExecutionStatus.Held) throw new DomainException("Execution.NotHeld");
        var now = clock.GetUtcNow();
        if (campaign.LocalDate(now) < HeldEnd!.Value) throw new DomainException("Execution.ReportBeforeEnd");
        Bounds.Length("Execution", fileName, FileNameMaxLength, TextField.File);
        ReportSubmittedAt = now;
        ReportLate = campaign.LocalDate(now) > campaign.ReportDueFor(HeldEnd!.Value);
        ReportFileKey = fileKey;
        ReportFileName = fileName;
        ReportSubmittedBy = by;
        Status = ExecutionStatus.Completed;
    }

    /// <summary>The report's due date: <c>ReportDueDays</c> after the last day held; none before the dates are known.</summary>
    public DateOnly? ReportDue(Campaigns.Campaign campaign) => HeldEnd is { } end ? campaign.ReportDueFor(end) : null;

    /// <summary>What the organizer and the sponsor read: in execution, completed, or report overdue.</summary>
    public ExecutionStage StageOn(Campaigns.Campaign campaign, DateOnly today) =>
        Status == ExecutionStatus.Completed ? ExecutionStage.Completed
        : ReportDue(campaign) is { } due && today > due ? ExecutionStage.ReportOverdue
        : ExecutionStage.InExecution;

    /// <summary>Actual cost minus the contracted amount (negative: under budget); null until recorded.</summary>
    public decimal? CostVariance => ActualCost is { } cost && Award is { } award ? cost - award.Amount : null;
}
