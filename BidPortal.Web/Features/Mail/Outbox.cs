using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Mail;

/// <summary>The mail queue as the organizer reads it: newest first, the last 500.</summary>
public sealed class Outbox(IDbContextFactory<BidPortalDbContext> contexts, TextCatalog catalog)
{
    public const int Shown = 500;

    public async Task<IReadOnlyList<OutboxMail>> LatestAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReadOutbox(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mails = await db.OutgoingMails.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new { Mail = new OutboxMail(m.Id, m.CreatedAt, m.ToName, m.ToAddress, m.Subject, m.Status, m.SentAt, m.Attempts, m.LastError, m.TextBody), m.Purpose })
            .ToListAsync(ct);
        // A mail about a bid (its receipt, a withdrawal) would tell the organizer who bid on what before the
        // opening: only that it went out, and when, is shown.
        var sealedText = catalog.Get("Outbox.SealedMail", Language.Reader);
        return [.. mails.Select(m => ReceiptMail.IsAboutABid(m.Purpose)
            ? m.Mail with
            {
                ToName = "—", ToAddress = "—", Subject = sealedText, TextBody = sealedText,
                LastError = m.Mail.LastError?.Replace(m.Mail.ToAddress, "—", StringComparison.OrdinalIgnoreCase),
            }
            : m.Mail)];
    }
}
