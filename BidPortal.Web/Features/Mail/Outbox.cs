using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Mail;

/// <summary>The mail queue as the organizer reads it: newest first, the last 500.</summary>
public sealed class Outbox(IDbContextFactory<BidPortalDbContext> contexts)
{
    public const int Shown = 500;

    public async Task<IReadOnlyList<OutboxMail>> LatestAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReadOutbox(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OutgoingMails.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new OutboxMail(m.Id, m.CreatedAt, m.ToName, m.ToAddress, m.Subject, m.Status, m.SentAt, m.Attempts, m.LastError, m.TextBody))
            .ToListAsync(ct);
    }
}
