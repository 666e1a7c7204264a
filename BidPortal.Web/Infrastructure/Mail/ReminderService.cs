using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>
/// Step 1's reminders: a mail to the sponsoring unit three days before a document is due and one on
/// the day it becomes overdue; and the same for an awarded project's completion report (step 10,
/// <see cref="ExecutionReportReminders"/>). Runs hourly on <see cref="TimeProvider"/>; each reminder goes out once.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<BidPortalDbContext> contexts,
    TimeProvider clock,
    TextCatalog catalog,
    IOptions<PortalOptions> portal,
    ILogger<ReminderService> log) : BackgroundService
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private readonly ExecutionReportReminders reports = new(catalog, portal.Value.PublicUrl, clock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.ReminderRunFailed(e); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many mails were queued.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await _once.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            db.Actor = "reminders";
            var queued = 0;
            var campaigns = await db.Campaigns.Where(c => c.Status != CampaignStatus.Planning && c.Status != CampaignStatus.Closed).ToListAsync(ct);
            foreach (var campaign in campaigns)
            {
                var today = campaign.LocalDate(clock.GetUtcNow());
                var filings = await db.Filings.Include(f => f.Documents).Include(f => f.SponsorUnit)
                    .Where(f => f.CampaignId == campaign.Id && (f.Status == FilingStatus.Approved || f.Status == FilingStatus.Consolidated))
                    .ToListAsync(ct);
                var ids = filings.Select(f => f.Id).ToList();
                var sent = (await db.ReminderLogs.Where(r => ids.Contains(r.FilingId)).ToListAsync(ct))
                    .Select(r => (r.FilingId, r.Document, r.Kind, r.Due)).ToHashSet();
                foreach (var filing in filings)
                {
                    List<Reminders.Due> due;
                    try
                    {
                        due = [.. Reminders.DueOn(filing, campaign, today).Where(d => !sent.Contains((filing.Id, d.Document, d.Kind, d.DueDate)))];
                    }
                    catch (ArgumentException e)
                    {
                        // One filing with an impossible date must not stop everyone else's reminders.
                        log.ReminderSkipped(filing.Id, e);
                        continue;
                    }
                    if (due.Count == 0) continue;
                    foreach (var (address, name, culture) in await MailRecipients.ForUnitAsync(db, filing.SponsorUnitId, ct))
                    {
                        foreach (var kind in due.Select(d => d.Kind).Distinct())
                        {
                            db.OutgoingMails.Add(Compose(filing, [.. due.Where(d => d.Kind == kind)], kind, address, name, new CultureInfo(culture)));
                            queued++;
                        }
                    }
                    foreach (var d in due) db.ReminderLogs.Add(new ReminderLog(filing.Id, d.Document, d.Kind, d.DueDate, clock.GetUtcNow()));
                }
                // Step 10: the completion reports of the campaign's awarded projects, by the same rule.
                queued += await reports.QueueAsync(db, campaign, today, ct);
            }
            await db.SaveChangesAsync(ct);
            return queued;
        }
        finally
        {
            _once.Release();
        }
    }

    private OutgoingMail Compose(Filing filing, IReadOnlyList<Reminders.Due> due, ReminderKind kind, string address, string name, CultureInfo culture)
    {
        string T(string key, params object[] args) => catalog.Format(key, culture, args);
        var items = due.Select(d => T("Mail.Reminder.Item", catalog.EnumText(d.Document, culture), d.DueDate)).ToList();
        var subject = T($"Mail.Reminder.Subject.{kind}", filing.Title);
        var intro = T($"Mail.Reminder.Intro.{kind}", filing.Title, filing.PlannedStart);
        var link = Routes.Absolute(portal.Value.PublicUrl, Routes.Filing(filing.Id));
        var footer = T("Mail.Reminder.Footer");
        var text = $"{name}\n\n{intro}\n\n{string.Join("\n", items.Select(i => "- " + i))}\n\n{footer}\n{link}\n";
        var html = $"<p>{E(name)}</p><p>{E(intro)}</p><ul>{string.Concat(items.Select(i => $"<li>{E(i)}</li>"))}</ul>"
                   + $"<p>{E(footer)}</p><p><a href=\"{E(link)}\">{E(link)}</a></p>";
        return new OutgoingMail(address, name, subject, html, text, $"reminder-{kind}".ToLowerInvariant(), clock);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
