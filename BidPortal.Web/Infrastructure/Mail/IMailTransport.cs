using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace BidPortal.Web.Infrastructure.Mail;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
