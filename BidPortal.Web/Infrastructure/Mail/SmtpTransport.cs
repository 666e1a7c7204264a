using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BidPortal.Web.Infrastructure.Mail;

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
