using System.Linq.Expressions;
using BidPortal.Domain.Audit;
using BidPortal.Domain.Campaigns;

namespace BidPortal.Domain.Filings;

/// <summary>A training project filed by a sponsoring unit for review (备案).</summary>
public sealed class Filing : IAuditable
{
    public const int TitleMaxLength = 300;
    public const int TargetTraineesMaxLength = 300;
    public const int PlaceMaxLength = 200;
    public const int ObjectivesMaxLength = 4000;
    public const int ReviewCommentMaxLength = 2000;

    private readonly List<FilingDocument> _documents = [];

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int SponsorUnitId { get; private set; }
    public SponsorUnit? SponsorUnit { get; private set; }
    public string Title { get; private set; } = "";
    public Theme Theme { get; private set; }
    public string TargetTrainees { get; private set; } = "";
    public int Headcount { get; private set; }
    public int Days { get; private set; }
    public DateOnly PlannedStart { get; private set; }
    public DateOnly PlannedEnd { get; private set; }
    public string Place { get; private set; } = "";
    public decimal Budget { get; private set; }
    public string Objectives { get; private set; } = "";
    public bool IsCrossUnit { get; private set; }
    public bool IsMajorTopic { get; private set; }
    public FilingStatus Status { get; private set; }
    /// <summary>Approved into the city's special-training plan (major topic or cross-unit).</summary>
    public bool InSpecialPlan { get; private set; }
    public string? ReviewComment { get; private set; }
    public ExclusionKind? ExclusionKind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public int? TenderProjectId { get; private set; }
    public IReadOnlyCollection<FilingDocument> Documents => _documents;

    /// <summary>
    /// In the city's special training plan (《专题培训计划》): approved into it by the organizer, and
    /// still there whether or not it has since been consolidated. The funnel's "in plan" counts this.
    /// </summary>
    public static readonly Expression<Func<Filing, bool>> IsInPlan =
        f => f.InSpecialPlan && (f.Status == FilingStatus.Approved || f.Status == FilingStatus.Consolidated || f.Status == FilingStatus.Excluded);

    private Filing() { }

    public Filing(Campaign campaign, SponsorUnit unit, FilingDetails details, TimeProvider clock)
    {
        if (!campaign.AcceptsFilings) throw new DomainException("Filing.CampaignClosed", campaign.Name);
        CampaignId = campaign.Id;
        SponsorUnitId = unit.Id;
        SponsorUnit = unit;
        Apply(details);
        Status = FilingStatus.Draft;
        CreatedAt = clock.GetUtcNow();
    }

    public void Edit(FilingDetails details)
    {
        if (Status is not (FilingStatus.Draft or FilingStatus.Returned))
            throw new DomainException("Filing.NotEditable", Status);
        Apply(details);
    }

    public void Submit(TimeProvider clock)
    {
        if (Status is not (FilingStatus.Draft or FilingStatus.Returned))
            throw new DomainException("Filing.NotSubmittable", Status);
        Status = FilingStatus.Submitted;
        SubmittedAt = clock.GetUtcNow();
    }

    /// <param name="intoSpecialPlan">List it in the city's special plan, to be tendered centrally.</param>
    public void Approve(bool intoSpecialPlan, TimeProvider clock, string? comment = null)
    {
        RequireSubmitted();
        CheckComment(comment);
        Status = FilingStatus.Approved;
        InSpecialPlan = intoSpecialPlan;
        Review(comment, clock);
    }

    public void ReturnForChanges(string comment, TimeProvider clock)
    {
        RequireSubmitted();
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Filing.CommentRequired");
        CheckComment(comment);
        Status = FilingStatus.Returned;
        Review(comment, clock);
    }

    public void Reject(string reason, TimeProvider clock)
    {
        RequireSubmitted();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Filing.ReasonRequired");
        CheckComment(reason);
        Status = FilingStatus.Rejected;
        Review(reason, clock);
    }

    /// <summary>Left out of consolidation: off the year's priorities, too small, a duplicate.</summary>
    public void Exclude(ExclusionKind kind, string reason, TimeProvider clock)
    {
        if (Status != FilingStatus.Approved) throw new DomainException("Filing.NotApproved", Status);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Filing.ReasonRequired");
        CheckComment(reason);
        Status = FilingStatus.Excluded;
        ExclusionKind = kind;
        Review(reason, clock);
    }

    /// <summary>The link to the project is the project's <c>Sources</c>; EF writes the key on save.</summary>
    internal void MarkConsolidated()
    {
        if (Status != FilingStatus.Approved) throw new DomainException("Filing.NotApproved", Status);
        if (TenderProjectId is not null) throw new DomainException("Filing.AlreadyConsolidated", Title);
        Status = FilingStatus.Consolidated;
    }

    /// <summary>What the sponsor typed, as it stands.</summary>
    public FilingDetails Details => new(Title, Theme, TargetTrainees, Headcount, Days, PlannedStart, PlannedEnd, Place, Budget,
        Objectives, IsCrossUnit, IsMajorTopic);

    public bool IsEditable => Status is FilingStatus.Draft or FilingStatus.Returned;

    /// <summary>Nothing more goes onto a rejected filing; the written report belongs after approval.</summary>
    public bool AcceptsDocument(DocumentKind kind) =>
        Status != FilingStatus.Rejected
        && (kind != DocumentKind.WrittenReport || Status is FilingStatus.Approved or FilingStatus.Consolidated);

    public FilingDocument AttachDocument(DocumentKind kind, string fileName, long size, string sha256,
        string? storageKey, TimeProvider clock)
    {
        if (Status is FilingStatus.Rejected) throw new DomainException("Filing.Rejected");
        if (!AcceptsDocument(kind)) throw new DomainException("Filing.ReportBeforeApproval");
        var document = new FilingDocument(kind, fileName, size, sha256, storageKey, clock.GetUtcNow());
        _documents.Add(document);
        return document;
    }

    public FilingDocument? LatestDocument(DocumentKind kind) =>
        _documents.Where(d => d.Kind == kind).MaxBy(d => d.UploadedAt);

    /// <summary>The state of each required document on a given day, by the campaign's due-date rules.</summary>
    public IReadOnlyList<DocumentCompliance> Compliance(Campaign campaign, DateOnly today)
    {
        var documentsDue = campaign.DocumentsDueFor(PlannedStart);
        var reportDue = campaign.ReportDueFor(PlannedEnd);
        return
        [
            .. new[] { DocumentKind.CourseNotice, DocumentKind.TrainingPlan, DocumentKind.Budget }
                .Select(kind => Check(kind, documentsDue)),
            Check(DocumentKind.WrittenReport, reportDue),
        ];

        DocumentCompliance Check(DocumentKind kind, DateOnly due)
        {
            var uploaded = LatestDocument(kind);
            var state = DueDates.Classify(due, uploaded is null ? null : campaign.LocalDate(uploaded.UploadedAt), today);
            return new DocumentCompliance(kind, due, state, uploaded?.UploadedAt);
        }
    }

    /// <summary>Late or missing documents make the course not reimbursable; the list says why.</summary>
    public IReadOnlyList<DocumentCompliance> ReimbursementProblems(Campaign campaign, DateOnly today) =>
        [.. Compliance(campaign, today).Where(c => c.State is ComplianceState.Late or ComplianceState.Missing)];

    /// <summary>
    /// Why an approved course is flagged not reimbursable today; empty while the filing is still in
    /// review (its documents are not judged yet) or when nothing is late or missing.
    /// </summary>
    public IReadOnlyList<DocumentCompliance> NotReimbursableReasons(Campaign campaign, DateOnly today) =>
        Status is FilingStatus.Approved or FilingStatus.Consolidated ? ReimbursementProblems(campaign, today) : [];

    /// <summary>
    /// What approving it today would leave not reimbursable, said to the reviewer before the
    /// decision: the same problems as <see cref="NotReimbursableReasons"/>, while it is submitted.
    /// </summary>
    public IReadOnlyList<DocumentCompliance> ApprovalWarnings(Campaign campaign, DateOnly today) =>
        Status == FilingStatus.Submitted ? ReimbursementProblems(campaign, today) : [];

    private void Apply(FilingDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Field.Required", TextField.Title);
        Bounds.Length("Filing", d.Title, TitleMaxLength, TextField.Title);
        Bounds.Length("Filing", d.TargetTrainees, TargetTraineesMaxLength, TextField.TargetTrainees);
        Bounds.Length("Filing", d.Place, PlaceMaxLength, TextField.Place);
        Bounds.Length("Filing", d.Objectives, ObjectivesMaxLength, TextField.Objectives);
        if (d.Headcount <= 0) throw new DomainException("Filing.HeadcountPositive");
        if (d.Headcount > Bounds.MaxHeadcount) throw new DomainException("Filing.HeadcountTooLarge", Bounds.MaxHeadcount);
        if (d.Days <= 0) throw new DomainException("Filing.DaysPositive");
        if (d.Days > Bounds.MaxDays) throw new DomainException("Filing.DaysTooMany", Bounds.MaxDays);
        if (!Bounds.InRange(d.PlannedStart) || !Bounds.InRange(d.PlannedEnd))
            throw new DomainException("Filing.DateOutOfRange", Bounds.MinDateText, Bounds.MaxDateText);
        if (d.PlannedEnd < d.PlannedStart) throw new DomainException("Filing.EndBeforeStart");
        if (d.Days > d.PlannedEnd.DayNumber - d.PlannedStart.DayNumber + 1)
            throw new DomainException("Filing.DaysExceedDates", d.Days);
        if (d.Budget < 0) throw new DomainException("Filing.BudgetNegative");
        if (!Bounds.IsMoney(d.Budget)) throw new DomainException("Filing.BudgetOutOfRange", Bounds.MaxMoney);
        if (string.IsNullOrWhiteSpace(d.Place)) throw new DomainException("Field.Required", TextField.Place);
        Title = d.Title.Trim();
        Theme = d.Theme;
        TargetTrainees = d.TargetTrainees.Trim();
        Headcount = d.Headcount;
        Days = d.Days;
        PlannedStart = d.PlannedStart;
        PlannedEnd = d.PlannedEnd;
        Place = d.Place.Trim();
        Budget = d.Budget;
        Objectives = d.Objectives.Trim();
        IsCrossUnit = d.IsCrossUnit;
        IsMajorTopic = d.IsMajorTopic;
    }

    private static void CheckComment(string? comment) => Bounds.Length("Filing", comment, ReviewCommentMaxLength, TextField.Comment);

    private void RequireSubmitted()
    {
        if (Status != FilingStatus.Submitted) throw new DomainException("Filing.NotSubmitted", Status);
    }

    private void Review(string? comment, TimeProvider clock)
    {
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewedAt = clock.GetUtcNow();
    }
}
