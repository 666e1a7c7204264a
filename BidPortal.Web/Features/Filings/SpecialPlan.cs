using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Web.Components.Shared;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using BidPortal.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BidPortal.Web.Features.Filings;

/// <summary>
/// The year's special training plan (《专题培训计划》) as the organizer issues it: the approved courses
/// in the plan (<see cref="Filing.IsInPlan"/>) by sponsoring unit, with dates, days, headcount and
/// budget, each unit's subtotals and the total; as Excel and as a PDF, in the reader's language.
/// </summary>
public sealed class SpecialPlan(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, IStringLocalizer<SpecialPlan> text)
{
    /// <summary>The campaigns with a plan to download, newest first.</summary>
    public async Task<IReadOnlyList<SpecialPlanLink>> LinksAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanIssueSpecialPlan(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await db.Filings.Where(Filing.IsInPlan).GroupBy(f => f.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.CampaignId, g => g.Count, ct);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.Year).Select(c => new { c.Id, c.Year }).ToListAsync(ct);
        return [.. campaigns.Where(c => counts.ContainsKey(c.Id)).Select(c => new SpecialPlanLink(c.Id, c.Year, counts[c.Id]))];
    }

    public async Task<SpecialPlanView> LoadAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanIssueSpecialPlan(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        var filings = await db.Filings.AsNoTracking().Include(f => f.SponsorUnit)
            .Where(f => f.CampaignId == campaignId).Where(Filing.IsInPlan).ToListAsync(ct);
        var culture = Language.Reader;
        // Units in the city's usual order (departments, then counties), by code; courses by start date.
        // By id: without tracking, each filing carries its own copy of its unit.
        var units = filings.GroupBy(f => f.SponsorUnitId).Select(g => (Unit: g.First().SponsorUnit!, Filings: g))
            .OrderBy(g => g.Unit.Kind).ThenBy(g => g.Unit.Code, StringComparer.Ordinal)
            .Select(g => new SpecialPlanUnit(g.Unit.NameIn(culture), [.. g.Filings.OrderBy(f => f.PlannedStart).ThenBy(f => f.Title)
                .Select(f => new SpecialPlanCourse(f.Title, f.Theme, f.PlannedStart, f.PlannedEnd, f.Days, f.Headcount, f.Budget))]))
            .ToList();
        return new SpecialPlanView(campaign.Id, campaign.Year, campaign.NameIn(culture), campaign.LocalDate(clock.GetUtcNow()), units);
    }

    /// <summary>One sheet: a row per course, a subtotal row after each unit, the total last; headers in the reader's language.</summary>
    public async Task<byte[]> ExcelAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        var plan = await LoadAsync(actor, campaignId, ct);
        var rows = new List<Dictionary<string, object?>>();
        var number = 0;
        foreach (var unit in plan.Units)
        {
            foreach (var c in unit.Courses)
                rows.Add(Row(++number, unit.Name, c.Title, text.Enum(c.Theme), Dates.Format(c.Start), Dates.Format(c.End), c.Days, c.Headcount, c.Budget));
            rows.Add(Row(null, unit.Name, text["SpecialPlan.Subtotal"], "", "", "", null, unit.Headcount, unit.Budget));
        }
        rows.Add(Row(null, "", text["SpecialPlan.Total"], "", "", "", null, plan.Headcount, plan.Budget));
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [text["SpecialPlan.Sheet", plan.Year].Value] = rows });
        return stream.ToArray();

        Dictionary<string, object?> Row(int? no, string unit, string title, string theme, string start, string end, int? days, int headcount, decimal budget) =>
            new()
            {
                [text["SpecialPlan.Number"]] = no, [text["SpecialPlan.Unit"]] = SpreadsheetText.Safe(unit), [text["SpecialPlan.Course"]] = SpreadsheetText.Safe(title),
                [text["SpecialPlan.Theme"]] = theme, [text["SpecialPlan.Start"]] = start, [text["SpecialPlan.End"]] = end,
                [text["SpecialPlan.Days"]] = days, [text["SpecialPlan.Headcount"]] = headcount, [text["SpecialPlan.Budget"]] = budget,
            };
    }

    /// <summary>
    /// The plan as issued: its title with the year, the issuing body and the date (Beijing), then
    /// each unit's courses with a subtotal, and the total.
    /// </summary>
    public async Task<byte[]> PdfAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        var plan = await LoadAsync(actor, campaignId, ct);
        var culture = Language.Reader;
        var title = text["SpecialPlan.Title", plan.Year];
        using var pdf = new PdfReport(title, culture);
        pdf.Title(title);
        pdf.Paragraph(text["SpecialPlan.Issuer"]);
        pdf.Paragraph(text["SpecialPlan.IssuedOn", plan.IssuedOn.ToString("D", culture)]);
        pdf.Paragraph(text["SpecialPlan.Summary", plan.CampaignName, plan.Units.Count, plan.Courses, plan.Headcount, Money.Format(plan.Budget)]);
        PdfColumn[] columns =
        [
            // Wide enough for the longest English word in each column ("management", "Trainees"): a word is never cut.
            new(text["SpecialPlan.Number"], 0.8, AlignRight: true), new(text["SpecialPlan.Course"], 3.2), new(text["SpecialPlan.Theme"], 1.9),
            new(text["SpecialPlan.Dates"], 2.4), new(text["SpecialPlan.Days"], 0.9, AlignRight: true),
            new(text["SpecialPlan.Headcount"], 1.3, AlignRight: true), new(text["SpecialPlan.Budget"], 2.1, AlignRight: true),
        ];
        var number = 0;
        foreach (var unit in plan.Units)
        {
            pdf.Heading(unit.Name);
            pdf.Table(columns,
            [
                .. unit.Courses.Select(c => (IReadOnlyList<string>)
                [
                    $"{++number}", c.Title, text.Enum(c.Theme), $"{Dates.Format(c.Start)} – {Dates.Format(c.End)}", $"{c.Days}", $"{c.Headcount}",
                    Money.Format(c.Budget),
                ]),
                ["", text["SpecialPlan.Subtotal"], "", "", "", $"{unit.Headcount}", Money.Format(unit.Budget)],
            ]);
        }
        pdf.Heading(text["SpecialPlan.Total"]);
        pdf.Fields(
        [
            (text["SpecialPlan.Courses"], $"{plan.Courses}"),
            (text["SpecialPlan.Headcount"], $"{plan.Headcount}"),
            (text["SpecialPlan.Budget"], Money.Format(plan.Budget)),
        ]);
        return pdf.ToBytes();
    }
}
