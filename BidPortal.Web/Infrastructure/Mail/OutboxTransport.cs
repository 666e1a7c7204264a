using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BidPortal.Web.Infrastructure.Mail;

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
