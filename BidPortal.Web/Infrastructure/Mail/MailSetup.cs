using BidPortal.Domain.Data;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>Settings under "Smtp". With no host, mail goes to the data folder's outbox as .eml files.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string From { get; set; } = "noreply@bidportal.local";
    public string FromName { get; set; } = "BidPortal";
    /// <summary>
    /// Send the user name and password over a connection without TLS (Security None, or Auto against a server that
    /// offers no STARTTLS). Off by default: such mail stays queued with an error saying why.
    /// </summary>
    public bool AllowCredentialsWithoutTls { get; set; }
    /// <summary>How often queued mail is sent.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(15);
}

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class SmtpTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), o.Port, o.Security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            if (!client.IsSecure && !o.AllowCredentialsWithoutTls)
            {
                await client.DisconnectAsync(quit: true, ct);
                throw new InvalidOperationException(
                    $"Not sent: the connection to {o.Host}:{o.Port} is not encrypted (no TLS), and the SMTP password is not sent in clear. "
                    + "Use Smtp:Security StartTls or SslOnConnect, or set Smtp:AllowCredentialsWithoutTls=true to allow it.");
            }
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Writes each mail as an .eml file, so a portal with no mail server still shows what it sent.</summary>
public sealed class OutboxTransport(IHostEnvironment environment, IOptions<PortalOptions> portal) : IMailTransport
{
    public string Folder => Path.Combine(DatabaseSetup.DataFolder(environment, portal.Value), "outbox");

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(Path.Combine(Folder, name), ct);
    }
}

/// <summary>Sends the queued mail that is due, one at a time; failures wait and are tried again.</summary>
public sealed class MailDispatcher(
    IDbContextFactory<BidPortalDbContext> contexts,
    IMailTransport transport,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> log) : BackgroundService
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
                    await transport.SendAsync(ToMime(mail), ct);
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

    private MimeMessage ToMime(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody }.ToMessageBody();
        message.Headers.Add("X-BidPortal-Purpose", mail.Purpose);
        return message;
    }
}

public static class MailSetup
{
    public static WebApplicationBuilder AddBidPortalMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        if (string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
            builder.Services.AddSingleton<IMailTransport, OutboxTransport>();
        else
            builder.Services.AddSingleton<IMailTransport, SmtpTransport>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddSingleton<Invitations.InvitationLinks>();
        builder.Services.AddSingleton<Invitations.InvitationMail>();
        builder.Services.AddSingleton<ReminderService>();
        if (builder.Configuration.GetValue("Portal:BackgroundJobs", true))
        {
            builder.Services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        }
        return builder;
    }
}
