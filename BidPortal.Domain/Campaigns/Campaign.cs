using BidPortal.Domain.Audit;
using BidPortal.Domain.Evaluation;
namespace BidPortal.Domain.Campaigns;

/// <summary>One year's tender, with the due-date and tender rules its projects follow.</summary>
public sealed class Campaign : IAuditable
{
    private readonly List<DefaultCriterion> _defaultRubric = [];

    public const int NameMaxLength = 200;
    public const int TimeZoneIdMaxLength = 64;

    public int Id { get; private set; }
    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public CampaignStatus Status { get; private set; }
    /// <summary>The course notice, plan and budget are due this many days before the course opens (10).</summary>
    public int DocumentsLeadDays { get; private set; } = 10;
    /// <summary>The written report is due within this many days after the course ends (15).</summary>
    public int ReportDueDays { get; private set; } = 15;
    /// <summary>Reminders go out this many days before each due date (3).</summary>
    public int ReminderLeadDays { get; private set; } = 3;
    public int DefaultBidWindowDays { get; private set; } = 7;
    public int MinValidProposals { get; private set; } = 3;
    public int ShortlistSize { get; private set; } = 3;
    /// <summary>Days the recommended ranking stays on public notice (公示) to the bidders before an award.</summary>
    public int NoticeDays { get; private set; } = DefaultNoticeDays;
    public const int DefaultNoticeDays = 3;
    public const int MaxNoticeDays = 30;
    /// <summary>Dates are kept in this zone: a due date is a calendar day in the city, not in UTC.</summary>
    public string TimeZoneId { get; private set; } = "Asia/Shanghai";
    /// <summary>True for demo campaigns whose details were invented around real totals.</summary>
    public bool IsIllustrative { get; private set; }

    /// <summary>The rubric copied into each project consolidated in this campaign (see <see cref="RubricForNewProjects"/>).</summary>
    public IReadOnlyCollection<DefaultCriterion> DefaultRubric => _defaultRubric;

    private Campaign() { }

    /// <summary>What a new project starts with: the campaign's own default, or the portal's when none was set.</summary>
    public IReadOnlyList<CriterionDraft> RubricForNewProjects =>
        _defaultRubric.Count > 0 ? [.. _defaultRubric.OrderBy(c => c.Order).Select(c => c.ToDraft())] : Rubric.Default;

    /// <summary>Changes the default for projects consolidated from now on; existing projects keep their copy.</summary>
    public void SetDefaultRubric(IReadOnlyList<CriterionDraft> drafts)
    {
        if (Status is CampaignStatus.Closed) throw new DomainException("Campaign.Closed");
        Rubric.Validate(drafts);
        _defaultRubric.Clear();
        _defaultRubric.AddRange(drafts.Select((d, i) => new DefaultCriterion(d, i + 1)));
    }

    /// <summary>The name in the reader's language; the English form falls back to the Chinese.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Name, NameEn);

    public Campaign(int year, string name, string nameEn, bool isIllustrative = false)
    {
        if (year is < 2000 or > 2100) throw new DomainException("Campaign.YearInvalid", year);
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Field.Required", TextField.Name);
        Bounds.Length("Campaign", name, NameMaxLength, TextField.Name);
        Bounds.Length("Campaign", nameEn, NameMaxLength, TextField.NameEn);
        Year = year;
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        IsIllustrative = isIllustrative;
        Status = CampaignStatus.Planning;
    }

    public void ConfigureRules(int documentsLeadDays, int reportDueDays, int reminderLeadDays,
        int defaultBidWindowDays, int minValidProposals, int shortlistSize)
    {
        if (Status is CampaignStatus.Closed) throw new DomainException("Campaign.Closed");
        if (documentsLeadDays < 0 || reportDueDays < 0 || reminderLeadDays < 0)
            throw new DomainException("Campaign.RuleNegative");
        if (defaultBidWindowDays < 1) throw new DomainException("Campaign.WindowTooShort");
        if (minValidProposals < 1 || shortlistSize < 1) throw new DomainException("Campaign.RuleNegative");
        if (documentsLeadDays > Bounds.MaxRuleDays || reportDueDays > Bounds.MaxRuleDays || reminderLeadDays > Bounds.MaxRuleDays
            || defaultBidWindowDays > Bounds.MaxRuleDays)
            throw new DomainException("Campaign.RuleDaysTooMany", Bounds.MaxRuleDays);
        if (minValidProposals > Bounds.MaxMinValidProposals)
            throw new DomainException("Campaign.MinValidProposalsTooMany", Bounds.MaxMinValidProposals);
        if (shortlistSize > Bounds.MaxShortlist) throw new DomainException("Campaign.ShortlistTooLarge", Bounds.MaxShortlist);
        DocumentsLeadDays = documentsLeadDays;
        ReportDueDays = reportDueDays;
        ReminderLeadDays = reminderLeadDays;
        DefaultBidWindowDays = defaultBidWindowDays;
        MinValidProposals = minValidProposals;
        ShortlistSize = shortlistSize;
    }

    /// <summary>The public notice period for shortlists published from now on (a running notice keeps its end).</summary>
    public void SetNoticeDays(int days)
    {
        if (Status is CampaignStatus.Closed) throw new DomainException("Campaign.Closed");
        if (days < 1 || days > MaxNoticeDays) throw new DomainException("Campaign.NoticeDaysRange", 1, MaxNoticeDays);
        NoticeDays = days;
    }

    public void OpenFiling() => Move(CampaignStatus.Planning, CampaignStatus.Filing);
    public void StartTendering() => Move(CampaignStatus.Filing, CampaignStatus.Tendering);
    public void StartExecution() => Move(CampaignStatus.Tendering, CampaignStatus.Executing);
    public void Close() => Move(CampaignStatus.Executing, CampaignStatus.Closed);

    public bool AcceptsFilings => Status is CampaignStatus.Filing or CampaignStatus.Tendering or CampaignStatus.Executing;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The city's calendar day at an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public DateOnly DocumentsDueFor(DateOnly courseStart) => Filings.DueDates.DocumentsDue(courseStart, DocumentsLeadDays);

    /// <summary>The documents rule as it stands on a city calendar day, for warning before a course is filed or approved.</summary>
    public Filings.DocumentsWindow DocumentsWindowOn(DateOnly today) => new(DocumentsLeadDays, today);
    public DateOnly ReportDueFor(DateOnly courseEnd) => Bounds.AddDaysClamped(courseEnd, ReportDueDays);

    private void Move(CampaignStatus from, CampaignStatus to)
    {
        if (Status != from) throw new DomainException("Campaign.WrongStatus", Status, to);
        Status = to;
    }
}
