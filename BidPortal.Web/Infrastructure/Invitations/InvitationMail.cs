using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Invitations;

/// <summary>
/// Writes the mails of step 3 and 4 wholly in the institution's own language, HTML and plain text:
/// every sentence, the extension notice and the answer block come from the catalog in the
/// recipient's culture, never from the page of the person who caused the mail.
/// </summary>
public sealed class InvitationMail(TextCatalog catalog, InvitationLinks links, IOptions<PortalOptions> portal, TimeProvider clock, CallText call)
{
    /// <summary>One mail to one institution about its projects in this round, with its acknowledgement link.</summary>
    /// <param name="answered">For <see cref="InvitationMailKind.Answer"/>: the question and its published answer (never the asker).</param>
    public OutgoingMail? Compose(Institution institution, IReadOnlyList<(Invitation Invitation, TenderProject Project)> items,
        InvitationMailKind kind, Question? answered = null, IReadOnlyDictionary<int, CallSource>? calls = null)
    {
        var to = institution.PrimaryContact;
        if (to is null) return null;
        var culture = new CultureInfo(institution.PreferredCulture);
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var deadline = items.Max(i => i.Project.Deadline!.Value);
        var deadlineText = Dates.ToInput(deadline) + T("Mail.Invite.Zone");
        var ack = Routes.Absolute(portal.Value.PublicUrl, Routes.Acknowledge(links.Create(institution.Id, items.Select(i => i.Invitation.Id), deadline)));
        var lines = items.Select(i => T("Mail.Invite.Project", i.Project.Code, i.Project.TitleIn(culture),
            Dates.ToInput(i.Project.Deadline!.Value) + T("Mail.Invite.Zone"))).ToList();
        var name = institution.NameIn(culture);
        var subject = T($"Mail.{kind}.Subject", items.Count, deadlineText);
        var intro = T($"Mail.{kind}.Intro", name, deadlineText);
        var extra = kind switch
        {
            InvitationMailKind.Extension => T("Extend.Reason"),
            InvitationMailKind.Answer when answered is not null => T("Mail.Answer.Block", answered.Text, answered.Answer ?? ""),
            _ => null,
        };
        var portalLink = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionHome(institution.Id));
        // An invitation carries each project's call for proposals, in the recipient's language.
        var (callText, callHtml) = calls is null ? ("", "") : call.ForMail(items.Select(i => calls[i.Project.Id]), institution.Id, culture);
        var text = $"{to.Name}\n\n{intro}\n\n{string.Join("\n", lines.Select(l => "- " + l))}\n"
                   + (extra is null ? "" : $"\n{extra}\n") + callText
                   + $"\n{T("Mail.Invite.Ack")}\n{ack}\n\n{T("Mail.Invite.Portal")}\n{portalLink}\n";
        var html = $"<p>{E(to.Name)}</p><p>{E(intro)}</p><ul>{string.Concat(lines.Select(l => $"<li>{E(l)}</li>"))}</ul>"
                   + (extra is null ? "" : $"<p>{E(extra).Replace("\n", "<br>", StringComparison.Ordinal)}</p>") + callHtml
                   + $"<p><a href=\"{E(ack)}\">{E(T("Mail.Invite.Ack"))}</a></p>"
                   + $"<p>{E(T("Mail.Invite.Portal"))} <a href=\"{E(portalLink)}\">{E(portalLink)}</a></p>";
        return new OutgoingMail(to.Email, to.Name, subject, html, text, kind.ToString().ToLowerInvariant(), clock,
            "invitations:" + string.Join(',', items.Select(i => i.Invitation.Id)));
    }

    /// <summary>
    /// Adds one mail per institution to <paramref name="db"/> (not saved: the caller saves it with
    /// the change that caused it). An institution without a contact address gets a delivery failure
    /// on its invitations instead, which the organizer's board shows.
    /// </summary>
    /// <returns>How many mails were queued.</returns>
    public int Queue(BidPortalDbContext db, IReadOnlyList<(Invitation Invitation, TenderProject Project)> items,
        InvitationMailKind kind, Question? answered = null)
    {
        var queued = 0;
        var calls = kind == InvitationMailKind.Invitation ? CallText.Load(db, [.. items.Select(i => i.Project).Distinct()]) : null;
        foreach (var group in items.GroupBy(i => i.Invitation.InstitutionId))
        {
            var institution = group.First().Invitation.Institution!;
            var message = Compose(institution, [.. group], kind, answered, calls);
            if (message is null)
            {
                foreach (var (invitation, _) in group) invitation.RecordDeliveryFailure("no contact address", clock);
                continue;
            }
            db.OutgoingMails.Add(message);
            queued++;
        }
        return queued;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
