using BidPortal.Domain.Data;
using BidPortal.Domain.Mail;

namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>
/// Makes a queued mail's attachment when the mail is sent, from the records the mail names
/// (<see cref="OutgoingMail.Related"/>). The queue holds only the text; a document made from
/// sealed facts (a receipt with its price) is never stored in the outbox the organizer reads.
/// </summary>
public interface IMailAttachmentSource
{
    /// <returns>The attachment, or null when the mail is not one this source attaches to.</returns>
    Task<MailAttachment?> FindAsync(BidPortalDbContext db, OutgoingMail mail, CancellationToken ct);
}
