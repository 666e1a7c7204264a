using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Data;

/// <summary>
/// Hands out the provider's context as <see cref="BidPortalDbContext"/>, with the app's clock, audit key
/// and head anchor. Without a key (tests that need no verification) it signs with a key of its own.
/// </summary>
public sealed class PortalContextFactory<TContext>(IDbContextFactory<TContext> inner, TimeProvider clock,
    AuditKey? auditKey = null, IAuditAnchor? auditAnchor = null)
    : IDbContextFactory<BidPortalDbContext> where TContext : BidPortalDbContext
{
    private readonly AuditKey _auditKey = auditKey ?? AuditKey.NewRandom();

    public BidPortalDbContext CreateDbContext()
    {
        var db = inner.CreateDbContext();
        db.Clock = clock;
        db.AuditKey = _auditKey;
        db.AuditAnchor = auditAnchor;
        return db;
    }
}
