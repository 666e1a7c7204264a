using BidPortal.Domain.Data;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>Sends the queued mail that is due, one at a time; failures wait and are tried again.</summary>
public sealed class MailDispatcher(
    IDbContextFactory<BidPortalDbContext> contexts,
    IMailTransport transport,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> log,
    IEnumerable<IMailAttachmentSource> attachments) : BackgroundService
{
    private readonly SemaphoreSlim _once = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, clock);
        do
        {
            try { await DispatchPendingAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.MailDispatchFailed(e); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many mails the server accepted.</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        await _once.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            var due = (await db.OutgoingMails.Where(m => m.Status == MailStatus.Pending).ToListAsync(ct))
                .Where(m => m.NextAttemptAt <= now).OrderBy(m => m.Id).ToList();
            var sent = 0;
            foreach (var mail in due)
            {
                try
                {
                    await transport.SendAsync(await ToMimeAsync(db, mail, ct), ct);
                    mail.MarkSent(clock);
                    await ReportAsync(db, mail, error: null, ct);
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.MailNotSent(mail.Id, mail.ToAddress, e.Message);
                    mail.MarkFailed(e.Message, clock);
                    await ReportAsync(db, mail, e.Message, ct);
                }
                await db.SaveChangesAsync(ct);
            }
            return sent;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>An invitation mail's fate is written onto its invitations: delivered, or the error.</summary>
    private async Task ReportAsync(BidPortalDbContext db, OutgoingMail mail, string? error, CancellationToken ct)
    {
        var ids = mail.RelatedInvitationIds;
        if (ids.Count == 0) return;
        foreach (var invitation in await db.Invitations.Where(i => ids.Contains(i.Id)).ToListAsync(ct))
        {
            if (error is null && invitation.Status is InvitationStatus.Sent or InvitationStatus.Acknowledged or InvitationStatus.Declined)
                invitation.MarkDelivered(clock);
            else if (error is not null && invitation.Status != InvitationStatus.Removed)
                invitation.RecordDeliveryFailure(error, clock);
        }
    }

    private async Task<MimeMessage> ToMimeAsync(BidPortalDbContext db, OutgoingMail mail, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody };
        // Made now, from the records the mail names: a failure leaves the mail queued with its error, to be tried again.
        foreach (var source in attachments)
        {
            if (await source.FindAsync(db, mail, ct) is { } attachment)
                body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();
        message.Headers.Add("X-BidPortal-Purpose", mail.Purpose);
        return message;
    }
}
