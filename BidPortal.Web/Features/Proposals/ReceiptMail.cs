using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// The mails around a bid, to every contact of the institution and wholly in the institution's language:
/// the receipt of each upload (its facts in the text, the receipt PDF attached), and a short notice of a
/// withdrawal or a re-confirmation. They are added to the caller's context and saved with the change
/// that caused them. No mail carries the proposal document itself.
/// </summary>
public sealed class ReceiptMail(TextCatalog catalog, ReceiptDocument document, IOptions<PortalOptions> portal, TimeProvider clock)
    : IMailAttachmentSource
{
    public const string ReceiptPurpose = "proposal-receipt";
    public const string WithdrawnPurpose = "proposal-withdrawn";
    public const string ReconfirmedPurpose = "proposal-reconfirmed";
    private const string RelatedPrefix = "receipt:";

    /// <summary>The mails of this class: they name an institution's bid, which stays sealed from everyone else.</summary>
    public static bool IsAboutABid(string purpose) => purpose.StartsWith("proposal-", StringComparison.Ordinal);

    /// <summary>The receipt of <paramref name="version"/>, just recorded (not yet saved) on <paramref name="proposal"/>.</summary>
    public async Task QueueReceiptAsync(BidPortalDbContext db, TenderProject project, Proposal proposal, ProposalVersion version)
    {
        var (institution, contacts) = await InstitutionAsync(db, proposal);
        if (contacts.Count == 0) return;
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == project.CampaignId);
        var facts = ReceiptFacts.Of(campaign, project, institution, version);
        var culture = CultureOf(institution);
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var subject = T("Mail.Receipt.Subject", facts.ReceiptNumber, facts.ProjectCode, facts.ProjectTitleIn(culture));
        var intro = T("Mail.Receipt.Intro", facts.ProjectCode, facts.ProjectTitleIn(culture));
        var lines = document.Lines(facts, culture, withBid: false);
        string[] notes = [.. new[] { document.ReplacesNote(facts, culture), document.SealedNote(culture) }.OfType<string>()];
        var link = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionProject(institution.Id, project.Id));
        var portalText = T("Mail.Receipt.Portal");
        var related = $"{RelatedPrefix}{culture.Name}:{facts.ReceiptNumber}";
        foreach (var contact in contacts)
        {
            var text = $"{contact.Name}\n\n{intro}\n\n{string.Join("\n", lines.Select(l => $"{l.Label}: {l.Value}"))}\n\n"
                       + string.Concat(notes.Select(n => n + "\n\n")) + $"{portalText}\n{link}\n";
            var html = $"<p>{E(contact.Name)}</p><p>{E(intro)}</p><table cellpadding=\"4\" style=\"border-collapse:collapse\">"
                       + string.Concat(lines.Select(l => $"<tr><th align=\"left\" valign=\"top\">{E(l.Label)}</th><td>{E(l.Value)}</td></tr>"))
                       + "</table>" + string.Concat(notes.Select(n => $"<p>{E(n)}</p>"))
                       + $"<p>{E(portalText)} <a href=\"{E(link)}\">{E(link)}</a></p>";
            db.OutgoingMails.Add(new OutgoingMail(contact.Email, contact.Name, subject, html, text, ReceiptPurpose, clock, related));
        }
    }

    /// <summary>The bid was withdrawn (not yet saved); its versions stay on record.</summary>
    public Task QueueWithdrawnAsync(BidPortalDbContext db, TenderProject project, Proposal proposal) =>
        QueueNoticeAsync(db, project, proposal, "Mail.Withdrawn", WithdrawnPurpose, proposal.WithdrawnAt ?? clock.GetUtcNow());

    /// <summary>The bid was confirmed as it stands after a material extension (not yet saved).</summary>
    public Task QueueReconfirmedAsync(BidPortalDbContext db, TenderProject project, Proposal proposal) =>
        QueueNoticeAsync(db, project, proposal, "Mail.Reconfirmed", ReconfirmedPurpose, proposal.ReconfirmedAt ?? clock.GetUtcNow());

    /// <summary>A receipt mail's PDF, made when the mail is sent, in the language its text was written in.</summary>
    public async Task<MailAttachment?> FindAsync(BidPortalDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        if (mail.Purpose != ReceiptPurpose || mail.Related is not { } related || !related.StartsWith(RelatedPrefix, StringComparison.Ordinal))
            return null;
        var parts = related[RelatedPrefix.Length..].Split(':', 2);
        if (parts.Length != 2) return null;
        var (cultureName, number) = (parts[0], parts[1]);
        var facts = await ReceiptDocument.LoadAsync(db, db.ProposalVersions.Where(v => v.ReceiptNumber == number), ct);
        if (facts is null) return null;
        var culture = new CultureInfo(TextCatalog.Cultures.Contains(cultureName) ? cultureName : "zh-CN");
        return new MailAttachment(document.FileName(facts, culture), "application/pdf", document.Pdf(facts, culture));
    }

    private async Task QueueNoticeAsync(BidPortalDbContext db, TenderProject project, Proposal proposal, string key, string purpose,
        DateTimeOffset at)
    {
        var (institution, contacts) = await InstitutionAsync(db, proposal);
        var culture = CultureOf(institution);
        string T(string k, params object[] args) => catalog.Format(k, culture, args);
        var current = proposal.Current;
        var title = project.TitleIn(culture);
        var subject = T($"{key}.Subject", project.Code, title);
        var body = T($"{key}.Body", project.Code, title, BeijingTime.FormatToTheSecond(at, culture), current.Number,
            current.ReceiptNumber, project.Deadline ?? clock.GetUtcNow());
        var link = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionProject(institution.Id, project.Id));
        var portalText = T("Mail.Receipt.Portal");
        foreach (var contact in contacts)
        {
            var text = $"{contact.Name}\n\n{body}\n\n{portalText}\n{link}\n";
            var html = $"<p>{E(contact.Name)}</p><p>{E(body)}</p><p>{E(portalText)} <a href=\"{E(link)}\">{E(link)}</a></p>";
            db.OutgoingMails.Add(new OutgoingMail(contact.Email, contact.Name, subject, html, text, purpose, clock));
        }
    }

    /// <summary>The institution and its contacts, each address once.</summary>
    private static async Task<(Institution Institution, IReadOnlyList<InstitutionContact> Contacts)> InstitutionAsync(BidPortalDbContext db,
        Proposal proposal)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.Contacts).SingleAsync(i => i.Id == proposal.InstitutionId);
        return (institution, [.. institution.Contacts.OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Id)
            .DistinctBy(c => c.Email.ToLowerInvariant())]);
    }

    private static CultureInfo CultureOf(Institution institution) =>
        new(TextCatalog.Cultures.Contains(institution.PreferredCulture) ? institution.PreferredCulture : "zh-CN");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
