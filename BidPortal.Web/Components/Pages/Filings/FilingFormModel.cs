using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Components.Pages.Filings;

/// <summary>What the filing form holds while a person types; checked field by field before the domain sees it.</summary>
public sealed class FilingFormModel
{
    public string Title { get; set; } = "";
    public Theme? Theme { get; set; }
    public string TargetTrainees { get; set; } = "";
    public int? Headcount { get; set; }
    public int? Days { get; set; }
    public DateTime? PlannedStart { get; set; }
    public DateTime? PlannedEnd { get; set; }
    public string Place { get; set; } = "";
    public decimal? Budget { get; set; }
    public string Objectives { get; set; } = "";
    public bool IsCrossUnit { get; set; }
    public bool IsMajorTopic { get; set; }

    public static FilingFormModel From(FilingDetails f) => new()
    {
        Title = f.Title, Theme = f.Theme, TargetTrainees = f.TargetTrainees, Headcount = f.Headcount, Days = f.Days,
        PlannedStart = f.PlannedStart.ToDateTime(TimeOnly.MinValue), PlannedEnd = f.PlannedEnd.ToDateTime(TimeOnly.MinValue),
        Place = f.Place, Budget = f.Budget, Objectives = f.Objectives, IsCrossUnit = f.IsCrossUnit, IsMajorTopic = f.IsMajorTopic,
    };

    /// <summary>Field name → the message to show under it; empty when the form is good.</summary>
    public Dictionary<string, string> Validate(IStringLocalizer text)
    {
        var errors = new Dictionary<string, string>();
        void Require(string field, bool ok, string key) { if (!ok) errors.TryAdd(field, text[key]); }
        void Length(string field, string? value, int max) { if (value is not null && value.Trim().Length > max) errors.TryAdd(field, text["Form.TooLongMax", max]); }
        void Range(string field, int? value, int min, int max) { if (value is { } v && v > 0 && v > max) errors.TryAdd(field, text["Form.OutOfRange", min, max]); }
        void DateRange(string field, DateTime? value)
        {
            if (value is { } d && !Bounds.InRange(DateOnly.FromDateTime(d)))
                errors.TryAdd(field, text["Form.OutOfRange", Bounds.MinDateText, Bounds.MaxDateText]);
        }
        Require(nameof(Title), !string.IsNullOrWhiteSpace(Title), "Form.Required");
        Length(nameof(Title), Title, Filing.TitleMaxLength);
        Length(nameof(TargetTrainees), TargetTrainees, Filing.TargetTraineesMaxLength);
        Length(nameof(Place), Place, Filing.PlaceMaxLength);
        Length(nameof(Objectives), Objectives, Filing.ObjectivesMaxLength);
        Require(nameof(Theme), Theme is not null, "Form.Required");
        Require(nameof(TargetTrainees), !string.IsNullOrWhiteSpace(TargetTrainees), "Form.Required");
        Require(nameof(Headcount), Headcount is not null, "Form.Required");
        Require(nameof(Headcount), Headcount is null or > 0, "Filing.HeadcountPositive");
        Range(nameof(Headcount), Headcount, Bounds.MinHeadcount, Bounds.MaxHeadcount);
        Require(nameof(Days), Days is not null, "Form.Required");
        Require(nameof(Days), Days is null or > 0, "Filing.DaysPositive");
        Range(nameof(Days), Days, Bounds.MinDays, Bounds.MaxDays);
        DateRange(nameof(PlannedStart), PlannedStart);
        DateRange(nameof(PlannedEnd), PlannedEnd);
        Require(nameof(PlannedStart), PlannedStart is not null, "Form.Required");
        Require(nameof(PlannedEnd), PlannedEnd is not null, "Form.Required");
        Require(nameof(PlannedEnd), PlannedStart is null || PlannedEnd is null || PlannedEnd >= PlannedStart, "Filing.EndBeforeStart");
        if (PlannedStart is { } s && PlannedEnd is { } e && e >= s && Days is > 0 && Days > (e - s).Days + 1)
            errors.TryAdd(nameof(Days), text["Filing.DaysExceedDates", Days.Value]);
        Require(nameof(Place), !string.IsNullOrWhiteSpace(Place), "Form.Required");
        Require(nameof(Budget), Budget is not null, "Form.Required");
        Require(nameof(Budget), Budget is null or >= 0, "Filing.BudgetNegative");
        if (Budget is { } b && b >= 0 && !Bounds.IsMoney(b)) errors.TryAdd(nameof(Budget), text["Form.MoneyFormat", Bounds.MaxMoney]);
        Require(nameof(Objectives), !string.IsNullOrWhiteSpace(Objectives), "Form.Required");
        return errors;
    }

    public FilingDetails ToDetails() => new(Title, Theme!.Value, TargetTrainees, Headcount!.Value, Days!.Value,
        DateOnly.FromDateTime(PlannedStart!.Value), DateOnly.FromDateTime(PlannedEnd!.Value), Place, Budget!.Value, Objectives,
        IsCrossUnit, IsMajorTopic);
}
