using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Invitations;

/// <summary>
/// The one list of a call for proposals' parts and their labels, written in one language. The
/// institution's page, the invitation mail and the PDF all take their text from here, so they say
/// the same thing in the same order.
/// </summary>
public sealed class CallText(TextCatalog catalog, IOptions<PortalOptions> portal)
{
    /// <summary>The parts in order: objectives, trainees, dates, place, on-site teaching, budget, criteria, submission, deadline, contact, clarifications.</summary>
    public IReadOnlyList<CallPart> Parts(CallSource source, CultureInfo culture)
    {
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var project = source.Project;
        var call = project.Call;
        CallPart Part(string key, string body) => new(key, T($"Call.Part.{char.ToUpperInvariant(key[0])}{key[1..]}"), body);
        var options = portal.Value;
        var contactName = call.ContactName ?? Language.Pick(culture, options.CallContactName, options.CallContactNameEn);
        var contactPhone = call.ContactPhone ?? options.CallContactPhone;
        return
        [
            Part("objectives", call.Objectives),
            Part("trainees", T("Call.Trainees.Value", call.TargetTrainees, project.Headcount)),
            Part("dates", call is { StartDate: { } start, EndDate: { } end }
                ? T(call.Days == 1 ? "Call.Dates.OneDay" : "Call.Dates.Days", start, end, call.Days)
                : "—"),
            Part("place", call.Place),
            Part("onSite", call.OnSiteTeaching ?? T("Call.Standard.OnSite")),
            Part("budget", T("Call.Budget.Value", Money(project.BudgetCeiling, culture), call.PriceIncludes ?? T("Call.Standard.PriceIncludes"))),
            Part("criteria", source.Criteria.Count == 0
                ? T("Call.Criteria.None")
                : string.Join("\n", source.Criteria.OrderBy(c => c.Order)
                    .Select((c, i) => T(c.IsPrice ? "Rubrics.Call.PriceLine" : "Call.Criterion", i + 1, c.NameIn(culture), c.MaxPoints))
                    .Append(T("Call.Criteria.Total", source.Criteria.Sum(c => c.MaxPoints))))),
            Part("submission", call.Submission ?? T("Call.Standard.Submission")),
            Part("deadline", project.Deadline is { } deadline
                ? T("Call.Deadline.Value", deadline)   // the catalog writes an instant in Beijing time, and says so
                : T("Call.Deadline.NotSet")),
            Part("contact", T("Call.Contact.Value", contactName, contactPhone)),
            Part("clarifications", source.Answered.Count == 0
                ? T("Call.Clarifications.None")
                : string.Join("\n\n", Numbered(source.Answered).Select(a => T("Call.Clarification", a.Number, a.Question.Text, a.Question.Answer ?? "",
                    DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.Question.AnsweredAt!.Value, source.Zone).DateTime))))),
        ];
    }

    /// <summary>The published answers numbered 1, 2, 3… in the order they were published. The asker is never named.</summary>
    public static IEnumerable<(int Number, Question Question)> Numbered(IEnumerable<Question> answered) =>
        answered.Where(q => q.Status == QuestionStatus.Answered)
            .OrderBy(q => q.AnsweredAt).ThenBy(q => q.Id).Select((q, i) => (i + 1, q));

    /// <summary>The call's title line: "推介书 · C-01 生态环境保护专题培训班".</summary>
    public string Title(TenderProject project, CultureInfo culture) =>
        catalog.Format("Call.Title", culture, project.Code, project.TitleIn(culture));

    /// <summary>The calls of the projects in one invitation mail, with a link to each project's page: plain text and HTML.</summary>
    public (string Text, string Html) ForMail(IEnumerable<CallSource> sources, int institutionId, CultureInfo culture)
    {
        var text = new System.Text.StringBuilder();
        var html = new System.Text.StringBuilder();
        foreach (var source in sources)
        {
            var link = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionProject(institutionId, source.Project.Id));
            var title = Title(source.Project, culture);
            var parts = Parts(source, culture);
            text.Append("\n== ").Append(title).Append(" ==\n");
            foreach (var part in parts) text.Append('\n').Append(part.Label).Append('\n').Append(part.Body).Append('\n');
            text.Append('\n').Append(catalog.Get("Call.Mail.Link", culture)).Append('\n').Append(link).Append('\n');
            html.Append("<h3>").Append(E(title)).Append("</h3><table cellpadding=\"4\" style=\"border-collapse:collapse\">");
            foreach (var part in parts)
                html.Append("<tr><th align=\"left\" valign=\"top\">").Append(E(part.Label)).Append("</th><td>")
                    .Append(E(part.Body).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>");
            html.Append("</table><p><a href=\"").Append(E(link)).Append("\">").Append(E(catalog.Get("Call.Mail.Link", culture))).Append("</a></p>");
        }
        return (text.ToString(), html.ToString());
    }

    /// <summary>The call as a PDF in one language: the same parts, the criteria as a table with their points and how each is scored.</summary>
    public byte[] Pdf(CallSource source, CultureInfo culture)
    {
        var title = Title(source.Project, culture);
        using var pdf = new PdfReport(title, culture);
        pdf.Title(title);
        foreach (var part in Parts(source, culture))
        {
            pdf.Heading(part.Label);
            if (part.Key == "criteria" && source.Criteria.Count > 0)
                pdf.Table(
                    [new PdfColumn("#", 0.07), new PdfColumn(catalog.Get("Call.Pdf.Criterion", culture), 0.33),
                        new PdfColumn(catalog.Get("Call.Pdf.Points", culture), 0.12, AlignRight: true),
                        new PdfColumn(catalog.Get("Rubrics.Column.HowScored", culture), 0.48)],
                    source.Criteria.OrderBy(c => c.Order).Select((c, i) => (IReadOnlyList<string>)[$"{i + 1}", c.NameIn(culture),
                            c.MaxPoints.ToString("0.##", culture),
                            c.IsPrice ? catalog.Format("Rubrics.PriceFormula", culture, c.MaxPoints) : catalog.Get("Rubrics.ByPanel", culture)])
                        .Append(["", catalog.Get("Call.Pdf.Total", culture), source.Criteria.Sum(c => c.MaxPoints).ToString("0.##", culture), ""]));
            else
                pdf.Paragraph(part.Body);
        }
        return pdf.ToBytes();
    }

    /// <summary>"推介书-C-01.pdf" / "call-for-proposals-C-01.pdf".</summary>
    public string FileName(TenderProject project, CultureInfo culture) => catalog.Format("Call.FileName", culture, project.Code);

    /// <summary>What the parts need, for one project (pages and the PDF).</summary>
    public static async Task<CallSource> LoadAsync(BidPortalDbContext db, TenderProject project, CancellationToken ct = default)
    {
        var criteria = await db.Criteria.AsNoTracking().Where(c => c.TenderProjectId == project.Id).OrderBy(c => c.Order).ToListAsync(ct);
        var answered = await db.Questions.AsNoTracking()
            .Where(q => q.TenderProjectId == project.Id && q.Status == QuestionStatus.Answered).ToListAsync(ct);
        var zone = await db.Campaigns.Where(c => c.Id == project.CampaignId).Select(c => c.TimeZoneId).SingleAsync(ct);
        return new CallSource(project, criteria, answered, TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    /// <summary>
    /// What the parts need, for the projects of a mail being queued. Synchronous because the mail is
    /// queued inside the caller's write; the queries are small (a rubric, a few answers per project).
    /// </summary>
    public static IReadOnlyDictionary<int, CallSource> Load(BidPortalDbContext db, IReadOnlyCollection<TenderProject> projects)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var criteria = db.Criteria.AsNoTracking().Where(c => ids.Contains(c.TenderProjectId)).ToList().ToLookup(c => c.TenderProjectId);
        var answered = db.Questions.AsNoTracking().Where(q => ids.Contains(q.TenderProjectId) && q.Status == QuestionStatus.Answered)
            .ToList().ToLookup(q => q.TenderProjectId);
        var campaignIds = projects.Select(p => p.CampaignId).Distinct().ToList();
        var zones = db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToDictionary(c => c.Id, c => c.TimeZone);
        return projects.ToDictionary(p => p.Id,
            p => new CallSource(p, [.. criteria[p.Id].OrderBy(c => c.Order)], [.. answered[p.Id]], zones[p.CampaignId]));
    }

    private static string Money(decimal amount, CultureInfo culture) => "¥" + amount.ToString("#,##0.##", culture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
