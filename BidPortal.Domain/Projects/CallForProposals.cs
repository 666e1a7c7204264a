using BidPortal.Domain.Filings;

namespace BidPortal.Domain.Projects;

/// <summary>
/// The call for proposals (推介书): what a bidder designs a course from. Filled from the source
/// filings when the project is consolidated; the organizer edits it while the project is a draft.
/// A null clause (on-site teaching, price inclusions, submission, contact) means the standard
/// wording, so an English reader gets it in English.
/// </summary>
public sealed class CallForProposals
{
    public const int ObjectivesMaxLength = 8000;
    public const int TargetTraineesMaxLength = 1000;
    public const int PlaceMaxLength = 500;
    public const int ClauseMaxLength = 2000;
    public const int ContactNameMaxLength = 100;
    public const int ContactPhoneMaxLength = 50;

    public string Objectives { get; private set; } = "";
    public string TargetTrainees { get; private set; } = "";
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public int Days { get; private set; }
    public string Place { get; private set; } = "";
    public string? OnSiteTeaching { get; private set; }
    public string? PriceIncludes { get; private set; }
    public string? Submission { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }

    private CallForProposals() { }

    internal static CallForProposals Blank() => new();

    /// <summary>
    /// The defaults from the filings: their objectives one per filing, the trainees and places they
    /// name, the earliest start to the latest end and the longest course. Each is cut to its bound.
    /// </summary>
    internal static CallForProposals FromSources(IReadOnlyCollection<Filing> sources)
    {
        var ordered = sources.OrderBy(f => f.PlannedStart).ThenBy(f => f.Id).ToList();
        var objectives = ordered.Count == 1
            ? ordered[0].Objectives
            : string.Join("\n\n", ordered.Where(f => !string.IsNullOrWhiteSpace(f.Objectives)).Select(f => $"【{f.Title}】{f.Objectives.Trim()}"));
        return new CallForProposals
        {
            Objectives = Cut(objectives, ObjectivesMaxLength),
            TargetTrainees = Cut(JoinDistinct(ordered.Select(f => f.TargetTrainees)), TargetTraineesMaxLength),
            StartDate = ordered.Min(f => f.PlannedStart),
            EndDate = ordered.Max(f => f.PlannedEnd),
            Days = Math.Clamp(ordered.Max(f => f.Days), Bounds.MinDays, Bounds.MaxDays),
            Place = Cut(JoinDistinct(ordered.Select(f => f.Place)), PlaceMaxLength),
        };
    }

    internal void Apply(CallDetails details)
    {
        Require(details.Objectives, TextField.Objectives);
        Require(details.TargetTrainees, TextField.TargetTrainees);
        Require(details.Place, TextField.Place);
        Bounds.Length("Call", details.Objectives, ObjectivesMaxLength, TextField.Objectives);
        Bounds.Length("Call", details.TargetTrainees, TargetTraineesMaxLength, TextField.TargetTrainees);
        Bounds.Length("Call", details.Place, PlaceMaxLength, TextField.Place);
        Bounds.Length("Call", details.OnSiteTeaching, ClauseMaxLength, TextField.OnSiteTeaching);
        Bounds.Length("Call", details.PriceIncludes, ClauseMaxLength, TextField.PriceIncludes);
        Bounds.Length("Call", details.Submission, ClauseMaxLength, TextField.Submission);
        Bounds.Length("Call", details.ContactName, ContactNameMaxLength, TextField.Name);
        Bounds.Length("Call", details.ContactPhone, ContactPhoneMaxLength, TextField.Phone);
        if (details.StartDate is null || details.EndDate is null) throw new DomainException("Call.DatesRequired");
        if (!Bounds.InRange(details.StartDate.Value) || !Bounds.InRange(details.EndDate.Value))
            throw new DomainException("Call.DateOutOfRange", Bounds.MinDateText, Bounds.MaxDateText);
        if (details.EndDate < details.StartDate) throw new DomainException("Call.EndBeforeStart");
        if (details.Days < Bounds.MinDays || details.Days > Bounds.MaxDays) throw new DomainException("Call.DaysRange", Bounds.MinDays, Bounds.MaxDays);
        Objectives = details.Objectives.Trim();
        TargetTrainees = details.TargetTrainees.Trim();
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Days = details.Days;
        Place = details.Place.Trim();
        OnSiteTeaching = Optional(details.OnSiteTeaching);
        PriceIncludes = Optional(details.PriceIncludes);
        Submission = Optional(details.Submission);
        ContactName = Optional(details.ContactName);
        ContactPhone = Optional(details.ContactPhone);
    }

    /// <summary>The call as the organizer edits it.</summary>
    public CallDetails Details() =>
        new(Objectives, TargetTrainees, StartDate, EndDate, Days, Place, OnSiteTeaching, PriceIncludes, Submission, ContactName, ContactPhone);

    private static void Require(string? value, TextField field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException("Call.Required", field);
    }

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string JoinDistinct(IEnumerable<string> values) =>
        string.Join("；", values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct());

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
