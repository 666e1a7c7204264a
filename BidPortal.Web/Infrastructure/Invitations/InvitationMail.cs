using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Invitations;

public enum InvitationMailKind { Invitation, Chase, Extension, Answer }

/// <summary>Writes the mails of step 3 and 4 in the institution's own language, HTML and plain text.</summary>
public sealed class InvitationMail(TextCatalog catalog, InvitationLinks links, IOptions<PortalOptions> portal, TimeProvider clock)
{
    /// <summary>One mail to one institution about its projects in this round, with its acknowledgement link.</summary>
    public OutgoingMail? Compose(Institution institution, IReadOnlyList<(Invitation Invitation, TenderProject Project)> items,
        InvitationMailKind kind, string? extra = null)
    {
        var to = institution.PrimaryContact;
        if (to is null) return null;
        var culture = new CultureInfo(institution.PreferredCulture);
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var zh = culture.Name.StartsWith("zh", StringComparison.Ordinal);
        var deadline = items.Max(i => i.Project.Deadline!.Value);
        var deadlineText = Dates.ToInput(deadline) + T("Mail.Invite.Zone");
        var baseUrl = portal.Value.PublicUrl.TrimEnd('/');
        var ack = $"{baseUrl}/ack/{Uri.EscapeDataString(links.Create(institution.Id, items.Select(i => i.Invitation.Id), deadline))}";
        var lines = items.Select(i => T("Mail.Invite.Project", i.Project.Code, zh ? i.Project.Title : i.Project.TitleEn,
            Dates.ToInput(i.Project.Deadline!.Value) + T("Mail.Invite.Zone"))).ToList();
        var name = zh ? institution.Name : institution.NameEn;
        var subject = T($"Mail.{kind}.Subject", items.Count, deadlineText);
        var intro = T($"Mail.{kind}.Intro", name, deadlineText);
        var portalLink = $"{baseUrl}/institutions/{institution.Id}";
        var text = $"{to.Name}\n\n{intro}\n\n{string.Join("\n", lines.Select(l => "- " + l))}\n"
                   + (extra is null ? "" : $"\n{extra}\n")
                   + $"\n{T("Mail.Invite.Ack")}\n{ack}\n\n{T("Mail.Invite.Portal")}\n{portalLink}\n";
        var html = $"<p>{E(to.Name)}</p><p>{E(intro)}</p><ul>{string.Concat(lines.Select(l => $"<li>{E(l)}</li>"))}</ul>"
                   + (extra is null ? "" : $"<p>{E(extra)}</p>")
                   + $"<p><a href=\"{E(ack)}\">{E(T("Mail.Invite.Ack"))}</a></p>"
                   + $"<p>{E(T("Mail.Invite.Portal"))} <a href=\"{E(portalLink)}\">{E(portalLink)}</a></p>";
        return new OutgoingMail(to.Email, to.Name, subject, html, text, kind.ToString().ToLowerInvariant(), clock,
            "invitations:" + string.Join(',', items.Select(i => i.Invitation.Id)));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
