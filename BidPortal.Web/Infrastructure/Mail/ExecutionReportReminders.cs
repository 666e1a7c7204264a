using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>
/// Step 1's reminder rule for an awarded project's completion report (<see cref="ExecutionReminders.DueOn"/>):
/// a mail to the lead sponsor unit's users, each in its language, before the report is due and the day after
/// it is overdue. Run by <see cref="ReminderService"/> in its own run and save; each goes out once
/// (<see cref="ExecutionReminderLog"/>).
/// </summary>
internal sealed class ExecutionReportReminders(TextCatalog catalog, string publicUrl, TimeProvider clock)
{
    /// <returns>How many mails were added to <paramref name="db"/> (saved by the caller).</returns>
    public async Task<int> QueueAsync(BidPortalDbContext db, Campaign campaign, DateOnly today, CancellationToken ct)
    {
        var projects = await db.Projects.Where(p => p.CampaignId == campaign.Id && p.Status == ProjectStatus.Awarded).ToListAsync(ct);
        if (projects.Count == 0) return 0;
        var ids = projects.Select(p => p.Id).ToList();
        var records = await db.ExecutionRecords.Where(r => ids.Contains(r.TenderProjectId)).ToListAsync(ct);
        var recordIds = records.Select(r => r.Id).ToList();
        var sent = (await db.ExecutionReminderLogs.Where(l => recordIds.Contains(l.ExecutionRecordId)).ToListAsync(ct))
            .Select(l => (l.ExecutionRecordId, l.Kind, l.Due)).ToHashSet();
        var queued = 0;
        foreach (var record in records)
        {
            var due = ExecutionReminders.DueOn(record, campaign, today).Where(d => !sent.Contains((record.Id, d.Kind, d.DueDate))).ToList();
            if (due.Count == 0) continue;
            var project = projects.Single(p => p.Id == record.TenderProjectId);
            var recipients = await MailRecipients.ForUnitAsync(db, project.LeadSponsorUnitId, ct);
            foreach (var d in due)
            {
                foreach (var (address, name, culture) in recipients)
                {
                    db.OutgoingMails.Add(Compose(project, d, address, name, new CultureInfo(culture)));
                    queued++;
                }
                db.ExecutionReminderLogs.Add(new ExecutionReminderLog(record.Id, d.Kind, d.DueDate, clock.GetUtcNow()));
            }
        }
        return queued;
    }

    private OutgoingMail Compose(TenderProject project, ExecutionReminders.Due due, string address, string name, CultureInfo culture)
    {
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var title = project.TitleIn(culture);
        var subject = T($"Mail.ExecutionReport.Subject.{due.Kind}", title);
        var intro = T($"Mail.ExecutionReport.Intro.{due.Kind}", title, project.Code, due.DueDate);
        var link = Routes.Absolute(publicUrl, Routes.ProjectExecution(project.Id));
        var footer = T("Mail.ExecutionReport.Footer");
        var text = $"{name}\n\n{intro}\n\n{footer}\n{link}\n";
        var html = $"<p>{E(name)}</p><p>{E(intro)}</p><p>{E(footer)}</p><p><a href=\"{E(link)}\">{E(link)}</a></p>";
        return new OutgoingMail(address, name, subject, html, text, $"execution-report-{due.Kind}".ToLowerInvariant(), clock);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
