using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Awards;

/// <summary>
/// The award's mails (step 9): every institution that bid in the current round (an opened proposal, valid or invalid)
/// learns the outcome — awarded, or not awarded with its own rank from the one ranking (an invalid bid has none) — and
/// the organizer gets a note. Each mail is written wholly in its recipient's language and added to the caller's context,
/// to be saved with the award itself.
/// </summary>
public sealed class OutcomeMail(TextCatalog catalog, IOptions<PortalOptions> portal, TimeProvider clock)
{
    public const string OutcomePurpose = "award-outcome";
    public const string OrganizerPurpose = "award-organizer";

    /// <returns>How many mails were queued.</returns>
    public async Task<int> QueueAsync(BidPortalDbContext db, TenderProject project, Award award, CancellationToken ct = default)
    {
        var bids = await db.Proposals.AsNoTracking()
            .Where(p => p.TenderProjectId == project.Id && p.Round == project.Round
                && (p.Status == ProposalStatus.Valid || p.Status == ProposalStatus.Invalid))
            .Select(p => new { p.Id, p.InstitutionId }).ToListAsync(ct);
        var ranking = await Rankings.ComputeAsync(db, project.Id, ct);
        var rankOf = ranking.ToDictionary(l => l.ProposalId, l => l.Rank);
        var institutionIds = bids.Select(b => b.InstitutionId).Append(award.InstitutionId).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.Contacts)
            .Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.InstitutionId != null && institutionIds.Contains(u.InstitutionId.Value) && u.Email != null)
            .Select(u => new { u.InstitutionId, u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        var winner = institutions[award.InstitutionId];
        var queued = 0;
        foreach (var bid in bids.GroupBy(b => b.InstitutionId))
        {
            var institution = institutions[bid.Key];
            var awarded = bid.Any(b => b.Id == award.ProposalId);
            int? rank = bid.Select(b => rankOf.TryGetValue(b.Id, out var r) ? r : (int?)null).Min();
            // The institution's own people, each in the language it chose; its contact address when it has none.
            var recipients = users.Where(u => u.InstitutionId == institution.Id)
                .Select(u => (Address: u.Email!, Name: string.IsNullOrEmpty(u.DisplayName) ? institution.Name : u.DisplayName,
                    Culture: u.PreferredCulture ?? institution.PreferredCulture))
                .DistinctBy(r => r.Address.ToLowerInvariant()).ToList();
            if (recipients.Count == 0 && institution.PrimaryContact is { } contact)
                recipients.Add((contact.Email, contact.Name, institution.PreferredCulture));
            foreach (var (address, name, cultureName) in recipients)
            {
                var culture = CultureOf(cultureName);
                string T(string key, params object[] args) => catalog.Format(key, culture, args);
                var title = project.TitleIn(culture);
                var body = awarded
                    ? T("Award.Mail.Won", institution.NameIn(culture), project.Code, title, MoneyText.Format(award.Amount), award.DecidedAt)
                    : rank is { } r
                        ? T("Award.Mail.Lost", institution.NameIn(culture), project.Code, title, winner.NameIn(culture), r, ranking.Count, award.DecidedAt)
                        : T("Award.Mail.LostInvalid", institution.NameIn(culture), project.Code, title, winner.NameIn(culture), award.DecidedAt);
                var link = Routes.Absolute(portal.Value.PublicUrl, Routes.InstitutionProject(institution.Id, project.Id));
                db.OutgoingMails.Add(Compose(address, name, T("Award.Mail.Subject", project.Code, title), body, T("Award.Mail.Portal"), link,
                    OutcomePurpose, $"award:{project.Id}:{institution.Id}"));
                queued++;
            }
        }

        // A note to the organizer's people, with the sponsor's reason when it did not pick the first.
        var organizers = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Organizer)))
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        var position = project.Shortlist.FirstOrDefault(s => s.ProposalId == award.ProposalId)?.Position ?? 0;
        foreach (var user in organizers.DistinctBy(u => u.Email!.ToLowerInvariant()))
        {
            var culture = CultureOf(user.PreferredCulture);
            string T(string key, params object[] args) => catalog.Format(key, culture, args);
            var title = project.TitleIn(culture);
            var body = T("Award.Mail.OrganizerBody", project.Code, title, winner.NameIn(culture), position, MoneyText.Format(award.Amount),
                award.DecidedAt, bids.Select(b => b.InstitutionId).Distinct().Count());
            if (award.Reason is { } reason) body += "\n" + T("Award.Mail.Reason", reason);
            var link = Routes.Absolute(portal.Value.PublicUrl, Routes.ProjectEvaluation(project.Id));
            db.OutgoingMails.Add(Compose(user.Email!, user.DisplayName, T("Award.Mail.OrganizerSubject", project.Code, title), body,
                T("Award.Mail.Portal"), link, OrganizerPurpose, $"award:{project.Id}"));
            queued++;
        }
        return queued;
    }

    private OutgoingMail Compose(string address, string name, string subject, string body, string portalText, string link, string purpose,
        string related)
    {
        var text = $"{name}\n\n{body}\n\n{portalText}\n{link}\n";
        var html = $"<p>{E(name)}</p><p>{E(body).Replace("\n", "<br>", StringComparison.Ordinal)}</p>"
                   + $"<p>{E(portalText)} <a href=\"{E(link)}\">{E(link)}</a></p>";
        return new OutgoingMail(address, name, subject, html, text, purpose, clock, related);
    }

    private static CultureInfo CultureOf(string? name) =>
        new(name is not null && TextCatalog.Cultures.Contains(name) ? name : "zh-CN");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
