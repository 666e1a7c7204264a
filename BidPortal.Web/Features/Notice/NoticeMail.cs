using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Notice;

/// <summary>
/// The mails of the public notice, each wholly in its recipient's language (the user's own choice, else its
/// institution's, else Chinese): to every bidder's users when the notice goes up, to the organizer's users
/// when an objection is filed, and to the objecting institution's users when it is answered. They are added
/// to the caller's context and saved with the change that caused them.
/// </summary>
public sealed class NoticeMail(TextCatalog catalog, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string NoticeUpPurpose = "notice-published";
    public const string ObjectionPurpose = "notice-objection";
    public const string AnswerPurpose = "notice-answer";

    /// <summary>The recommended ranking of <paramref name="project"/> was just published (not yet saved): each bidder's users learn it is on notice.</summary>
    public async Task QueueNoticeUpAsync(BidPortalDbContext db, TenderProject project, CancellationToken ct = default)
    {
        var bidders = await Notices.BidderInstitutionIdsAsync(db, project, ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => bidders.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.PreferredCulture, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.InstitutionId != null && bidders.Contains(u.InstitutionId.Value) && u.Email != null)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        foreach (var user in users)
        {
            var culture = CultureOf(user, institutions.GetValueOrDefault(user.InstitutionId!.Value));
            string T(string key, params object[] args) => catalog.Format(key, culture, args);
            var title = project.TitleIn(culture);
            var ends = project.NoticeEndsAt is { } end ? BeijingTime.Format(end, culture) : "";
            var link = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionProject(user.InstitutionId.Value, project.Id));
            Add(db, user, T("Mail.NoticeUp.Subject", project.Code, title), [T("Mail.NoticeUp.Body", project.Code, title, ends)],
                T("Mail.Notice.Portal"), link, NoticeUpPurpose);
        }
    }

    /// <summary>An objection was filed (not yet saved): every organizer user is told, with the reason and where to answer it.</summary>
    public async Task QueueObjectionAsync(BidPortalDbContext db, TenderProject project, Domain.Notice.Objection objection, CancellationToken ct = default)
    {
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == objection.InstitutionId, ct);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Organizer)))
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var link = Routes.Absolute(portal.Value.PublicUrl, Routes.ProjectEvaluation(project.Id));
        foreach (var user in users)
        {
            var culture = CultureOf(user, null);
            string T(string key, params object[] args) => catalog.Format(key, culture, args);
            var title = project.TitleIn(culture);
            var name = institution.NameIn(culture);
            Add(db, user, T("Mail.NoticeObjection.Subject", project.Code, title, name),
                [T("Mail.NoticeObjection.Body", project.Code, title, name, BeijingTime.Format(objection.FiledAt, culture)), objection.Reason],
                T("Mail.NoticeObjection.Portal"), link, ObjectionPurpose);
        }
    }

    /// <summary>An objection was answered (not yet saved): the objecting institution's users read the answer, and whether scoring was reopened.</summary>
    public async Task QueueAnswerAsync(BidPortalDbContext db, TenderProject project, Domain.Notice.Objection objection, string? reopenReason,
        CancellationToken ct = default)
    {
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == objection.InstitutionId, ct);
        var users = await db.Users.AsNoTracking().Where(u => u.InstitutionId == institution.Id && u.Email != null)
            .OrderBy(u => u.UserName).ToListAsync(ct);
        var link = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionProject(institution.Id, project.Id));
        foreach (var user in users)
        {
            var culture = CultureOf(user, institution.PreferredCulture);
            string T(string key, params object[] args) => catalog.Format(key, culture, args);
            var title = project.TitleIn(culture);
            List<string> paragraphs =
            [
                T("Mail.NoticeAnswer.Body", project.Code, title, BeijingTime.Format(objection.FiledAt, culture)),
                T("Mail.NoticeAnswer.Reason", objection.Reason),
                T("Mail.NoticeAnswer.Answer", objection.Answer ?? ""),
            ];
            paragraphs.Add(objection.ReopenedScoring ? T("Mail.NoticeAnswer.Reopened", reopenReason ?? "") : T("Mail.NoticeAnswer.Kept"));
            Add(db, user, T("Mail.NoticeAnswer.Subject", project.Code, title), paragraphs, T("Mail.Notice.Portal"), link, AnswerPurpose);
        }
    }

    private void Add(BidPortalDbContext db, AppUser user, string subject, IReadOnlyList<string> paragraphs, string portalText, string link, string purpose)
    {
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName;
        var text = $"{name}\n\n{string.Join("\n\n", paragraphs)}\n\n{portalText}\n{link}\n";
        var html = $"<p>{E(name)}</p>" + string.Concat(paragraphs.Select(p => $"<p>{E(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"))
                   + $"<p>{E(portalText)} <a href=\"{E(link)}\">{E(link)}</a></p>";
        db.OutgoingMails.Add(new OutgoingMail(user.Email!, name, subject, html, text, purpose, clock));
    }

    private static CultureInfo CultureOf(AppUser user, string? fallback) =>
        new(user.PreferredCulture is { } own && TextCatalog.Cultures.Contains(own) ? own
            : fallback is not null && TextCatalog.Cultures.Contains(fallback) ? fallback : "zh-CN");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
