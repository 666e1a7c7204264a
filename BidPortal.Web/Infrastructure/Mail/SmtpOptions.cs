using MailKit.Security;
using Microsoft.EntityFrameworkCore;

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
