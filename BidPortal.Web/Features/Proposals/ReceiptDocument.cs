using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// The receipt (回执) of one proposal version, written in one language: the lines the PDF and the
/// receipt mail share, and the PDF itself. The receipt is the institution's proof of what arrived and
/// when; the opening checks the stored file against its SHA-256.
/// </summary>
public sealed class ReceiptDocument(IDbContextFactory<BidPortalDbContext> contexts, TextCatalog catalog)
{
    /// <summary>
    /// The receipt's lines in order. <paramref name="withBid"/> adds the price, days and trainees: the PDF
    /// carries them, the mail text does not (the outbox the organizer reads keeps a copy of every mail).
    /// </summary>
    public IReadOnlyList<(string Label, string Value)> Lines(ReceiptFacts facts, CultureInfo culture, bool withBid)
    {
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var lines = new List<(string, string)>
        {
            (T("Receipt.Field.Campaign"), facts.CampaignIn(culture)),
            (T("Receipt.Field.Project"), $"{facts.ProjectCode} {facts.ProjectTitleIn(culture)}"),
            (T("Receipt.Field.Institution"), facts.InstitutionIn(culture)),
            (T("Receipt.Field.Number"), facts.ReceiptNumber),
            (T("Receipt.Field.Version"), T("Receipt.Version.Value", facts.Version)),
            (T("Receipt.Field.ReceivedAt"), BeijingTime.FormatToTheSecond(facts.ReceivedAt, culture)),
            (T("Receipt.Field.FileName"), facts.FileName),
            (T("Receipt.Field.Size"), T("Receipt.Size.Value", facts.Size, Megabytes(facts.Size))),
            (T("Receipt.Field.Sha256"), facts.Sha256),
        };
        if (withBid)
        {
            lines.Add((T("Receipt.Field.Price"), MoneyText.Format(facts.Price)));
            lines.Add((T("Receipt.Field.Days"), T("Receipt.Days.Value", facts.Days)));
            lines.Add((T("Receipt.Field.Trainees"), T("Receipt.Trainees.Value", facts.Trainees)));
        }
        return lines;
    }

    /// <summary>"本版本替换第 1 版……" for a replacement; null for a first upload.</summary>
    public string? ReplacesNote(ReceiptFacts facts, CultureInfo culture) =>
        facts.Version > 1 ? catalog.Format("Receipt.Note.Replaces", culture, facts.Version - 1) : null;

    /// <summary>Sealed until the opening, which checks the file against the hash.</summary>
    public string SealedNote(CultureInfo culture) => catalog.Get("Receipt.Note.Sealed", culture);

    /// <summary>The receipt as a one-page PDF in <paramref name="culture"/>.</summary>
    public byte[] Pdf(ReceiptFacts facts, CultureInfo culture)
    {
        var title = catalog.Get("Receipt.Title", culture);
        using var pdf = new PdfReport($"{title} {facts.ReceiptNumber}", culture);
        pdf.Title(title);
        // The hash in groups of eight, four to a line, so it never runs off the page.
        var sha = catalog.Get("Receipt.Field.Sha256", culture);
        pdf.Fields(Lines(facts, culture, withBid: true).Select(l => l.Label == sha ? (l.Label, Grouped(l.Value)) : l));
        if (ReplacesNote(facts, culture) is { } replaces) pdf.Paragraph(replaces);
        pdf.Note(SealedNote(culture));
        return pdf.ToBytes();
    }

    /// <summary>"投标回执-TB2026-C-02-SDU-1.pdf" / "proposal-receipt-TB2026-C-02-SDU-1.pdf".</summary>
    public string FileName(ReceiptFacts facts, CultureInfo culture) => catalog.Format("Receipt.FileName", culture, facts.ReceiptNumber);

    /// <summary>
    /// The PDF of a receipt the caller was allowed to see: <paramref name="receipt"/> comes from
    /// <see cref="Proposals.ReceiptAsync"/>, which asks the access policy.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(ProposalReceipt receipt, CultureInfo culture, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var facts = await LoadAsync(db, db.ProposalVersions.Where(v => v.Id == receipt.VersionId), ct)
                    ?? throw new DomainException(Domain.Access.AccessPolicy.NotFoundKey);
        return (Pdf(facts, culture), FileName(facts, culture));
    }

    /// <summary>The facts of the version the query selects, or null when there is none.</summary>
    public static async Task<ReceiptFacts?> LoadAsync(BidPortalDbContext db, IQueryable<ProposalVersion> version, CancellationToken ct)
    {
        var row = await version.AsNoTracking()
            .Join(db.Proposals.AsNoTracking(), v => v.ProposalId, p => p.Id, (v, p) => new { Version = v, p.TenderProjectId, p.InstitutionId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == row.TenderProjectId, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == project.CampaignId, ct);
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == row.InstitutionId, ct);
        return ReceiptFacts.Of(campaign, project, institution, row.Version);
    }

    private static string Megabytes(long size)
    {
        var mb = size / 1024m / 1024m;
        return mb is > 0 and < 0.01m ? "< 0.01" : mb.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>"fd671efe 189aaefb 398887c2 74f43eac" over "763d68b0 …": two lines of four groups, easy to compare by eye.</summary>
    private static string Grouped(string hash)
    {
        var groups = Enumerable.Range(0, (hash.Length + 7) / 8).Select(i => hash.Substring(i * 8, Math.Min(8, hash.Length - i * 8))).ToList();
        return string.Join('\n', groups.Chunk(4).Select(line => string.Join(' ', line)));
    }
}
