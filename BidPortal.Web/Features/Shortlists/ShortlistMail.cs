using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Shortlists;

/// <summary>
/// The published shortlist by mail to the project's lead sponsor: one mail per user of the unit (the unit's own
/// address when it has none), each wholly in its recipient's language, with a link to the page. Queued in the
/// publishing save; the PDF is made when the mail is sent, from <see cref="Shortlists"/> like the screen's.
/// </summary>
public sealed class ShortlistMail(TextCatalog catalog, Shortlists shortlists, ShortlistDocument document, IOptions<PortalOptions> portal,
    TimeProvider clock) : IMailAttachmentSource
{
    public const string Purpose = "shortlist-published";
    private const string RelatedPrefix = "shortlist:";

    /// <summary>Adds the mails for <paramref name="project"/>'s shortlist, just published and not yet saved, to <paramref name="db"/>.</summary>
    public async Task QueueAsync(BidPortalDbContext db, TenderProject project, CancellationToken ct = default)
    {
        var recipients = await MailRecipients.ForUnitAsync(db, project.LeadSponsorUnitId, ct);

        var entries = project.Shortlist.OrderBy(s => s.Position).ToList();
        var proposalIds = entries.Select(s => s.ProposalId).ToList();
        var institutionOf = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.InstitutionId, ct);
        var institutionIds = institutionOf.Values.Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

        foreach (var (address, name, cultureName) in recipients.DistinctBy(r => r.Address.ToLowerInvariant()))
        {
            var culture = new CultureInfo(TextCatalog.Cultures.Contains(cultureName) ? cultureName : TextCatalog.LanguageOf(new CultureInfo(cultureName)));
            string T(string key, params object[] args) => catalog.Format(key, culture, args);
            var title = project.TitleIn(culture);
            var subject = T("Mail.Shortlist.Subject", project.Code, title);
            var intro = T("Mail.Shortlist.Intro", project.Code, title, entries.Count);
            var items = entries.Select(s => T("Mail.Shortlist.Item", s.Position, institutions[institutionOf[s.ProposalId]].NameIn(culture),
                ShortlistDocument.Points(s.Score), MoneyText.Format(s.Price))).ToList();
            var notice = project.NoticeEndsAt is { } end ? T("Mail.Shortlist.Notice", end) : "";
            var link = Routes.Absolute(portal.Value.PublicUrl, Routes.SponsorShortlist(project.Id));
            var footer = T("Mail.Shortlist.Footer");
            var text = $"{name}\n\n{intro}\n\n{string.Join("\n", items)}\n\n" + (notice.Length > 0 ? $"{notice}\n\n" : "") + $"{footer}\n{link}\n";
            var html = $"<p>{E(name)}</p><p>{E(intro)}</p><ol>{string.Concat(items.Select(i => $"<li>{E(i)}</li>"))}</ol>"
                       + (notice.Length > 0 ? $"<p>{E(notice)}</p>" : "")
                       + $"<p>{E(footer)} <a href=\"{E(link)}\">{E(link)}</a></p>";
            db.OutgoingMails.Add(new OutgoingMail(address, name, subject, html, text, Purpose, clock, $"{RelatedPrefix}{culture.Name}:{project.Id}"));
        }
    }

    /// <summary>The shortlist's PDF, made as the mail is sent, in the language the mail was written in.</summary>
    public async Task<MailAttachment?> FindAsync(BidPortalDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        if (mail.Purpose != Purpose || mail.Related is not { } related || !related.StartsWith(RelatedPrefix, StringComparison.Ordinal)) return null;
        var parts = related[RelatedPrefix.Length..].Split(':', 2);
        if (parts.Length != 2 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var projectId)) return null;
        var culture = new CultureInfo(TextCatalog.Cultures.Contains(parts[0]) ? parts[0] : "zh-CN");
        var view = await shortlists.ForMailAsync(db, projectId, culture, ct);
        return view is null ? null : new MailAttachment(document.FileName(view, culture), "application/pdf", document.Pdf(view, culture));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
