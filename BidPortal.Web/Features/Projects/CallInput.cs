using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Projects;

/// <summary>The organizer's form for a project's call for proposals (and its headcount and budget ceiling).</summary>
public sealed class CallInput
{
    public string Objectives { get; set; } = "";
    public string TargetTrainees { get; set; } = "";
    public int Headcount { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public int Days { get; set; }
    public string Place { get; set; } = "";
    public string? OnSiteTeaching { get; set; }
    public decimal BudgetCeiling { get; set; }
    public string? PriceIncludes { get; set; }
    public string? Submission { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>Still a draft: the form can be saved. Read-only once published.</summary>
    public bool IsEditable { get; init; }
    /// <summary>The contact the call names when the project gives none, in the reader's language.</summary>
    public string StandardContact { get; init; } = "";

    public static CallInput From(TenderProject project, string standardContact)
    {
        var call = project.Call;
        return new CallInput
        {
            Objectives = call.Objectives, TargetTrainees = call.TargetTrainees, Headcount = project.Headcount,
            Start = call.StartDate?.ToDateTime(TimeOnly.MinValue), End = call.EndDate?.ToDateTime(TimeOnly.MinValue), Days = call.Days,
            Place = call.Place, OnSiteTeaching = call.OnSiteTeaching, BudgetCeiling = project.BudgetCeiling, PriceIncludes = call.PriceIncludes,
            Submission = call.Submission, ContactName = call.ContactName, ContactPhone = call.ContactPhone,
            IsEditable = project.Status == ProjectStatus.Draft, StandardContact = standardContact,
        };
    }

    public CallDetails ToDetails() => new(Objectives ?? "", TargetTrainees ?? "",
        Start is { } s ? DateOnly.FromDateTime(s) : null, End is { } e ? DateOnly.FromDateTime(e) : null, Days,
        Place ?? "", OnSiteTeaching, PriceIncludes, Submission, ContactName, ContactPhone);
}
