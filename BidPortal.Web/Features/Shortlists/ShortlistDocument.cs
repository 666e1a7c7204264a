using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Infrastructure.Pdf;

namespace BidPortal.Web.Features.Shortlists;

/// <summary>
/// The shortlist as a PDF (PDFsharp, through <see cref="PdfReport"/>) in one language: campaign, project, sponsor
/// and deadline; the institutions in recommended order with total, per-criterion averages, price and flags; the
/// panel size, the dates and the page numbers. Written from the <see cref="ShortlistView"/> the screen shows.
/// </summary>
public sealed class ShortlistDocument(Shortlists shortlists, TextCatalog catalog, TimeProvider clock)
{
    /// <summary>The PDF for a reader <see cref="Shortlists.ForSponsorAsync"/> lets in, in the reader's language.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        var view = await shortlists.ForSponsorAsync(actor, projectId, ct);
        var culture = Language.Reader;
        return (Pdf(view, culture), FileName(view, culture));
    }

    /// <summary>"推荐名单-C-05.pdf" / "shortlist-C-05.pdf".</summary>
    public string FileName(ShortlistView view, CultureInfo culture) => catalog.Format("Shortlist.Pdf.FileName", culture, view.Code);

    public byte[] Pdf(ShortlistView view, CultureInfo culture)
    {
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var title = T("Shortlist.PageTitle");
        using var pdf = new PdfReport($"{title} · {view.Code}", culture);
        pdf.Title($"{title} · {view.Code} {view.Title}");
        pdf.Fields(
        [
            (T("Shortlist.Field.Campaign"), view.Campaign),
            (T("Shortlist.Field.Project"), $"{view.Code} {view.Title}"),
            (T("Shortlist.Field.Sponsor"), view.SponsorUnit),
            (T("Shortlist.Field.Deadline"), view.Deadline is { } deadline ? BeijingTime.Format(deadline, culture) : "—"),
            (T("Shortlist.Field.PanelSize"), T("Shortlist.PanelSize.Value", view.PanelSize)),
            (T("Shortlist.Field.PublishedAt"), view.PublishedAt is { } published ? BeijingTime.Format(published, culture) : "—"),
            (T("Shortlist.Field.Notice"), view.NoticeState),
        ]);
        List<PdfColumn> columns =
        [
            new(T("Rank.Rank"), 0.75, AlignRight: true),
            new(T("Rank.Institution"), 1.5),
            new(T("Rank.Score"), 0.8, AlignRight: true),
            .. view.Criteria.Select(c => new PdfColumn(CriterionHeader(c, T(PriceScoreKey)), 1.0, AlignRight: true)),
            new(T("Rank.Price"), 1.3, AlignRight: true),
            new(T("Rank.Flags"), 0.9),
        ];
        pdf.Table(columns, view.Rows.Select(r => (IReadOnlyList<string>)
        [
            $"{r.Rank}",
            r.Institution,
            Points(r.Score),
            .. r.CriterionAverages.Select(Points),
            MoneyText.Format(r.Price),
            r.Flags.Count == 0 ? "—" : string.Join("\n", r.Flags),
        ]));
        pdf.Note(T("Shortlist.Note"));
        pdf.Note(T("Shortlist.Pdf.MadeAt", clock.GetUtcNow()));
        return pdf.ToBytes();
    }

    /// <summary>Two decimals, as every score on screen: <see cref="Scoring.Round2"/>.</summary>
    public static string Points(decimal value) => Scoring.Round2(value).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"专业能力 (30)": a criterion with its maximum points, as the ranking's column headers say it.</summary>
    public static string CriterionHeader(CriterionColumn criterion, string priceScore) =>
        $"{(criterion.IsPrice ? priceScore : criterion.Name)} ({criterion.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)})";

    /// <summary>
    /// The price criterion's column holds the price SCORE; it is named so (the same words as the ranking's CSV/Excel),
    /// never by the criterion's name ("报价"), which reads like the price amount column beside it.
    /// </summary>
    public const string PriceScoreKey = "Export.PriceScore";
}
