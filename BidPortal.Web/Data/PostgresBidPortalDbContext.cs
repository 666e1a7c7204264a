using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace BidPortal.Web.Data;

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresBidPortalDbContext(DbContextOptions<PostgresBidPortalDbContext> options) : BidPortalDbContext(options)
{
    /// <summary>Any constant both nodes agree on: "BPAU" (BidPortal audit).</summary>
    private const long AuditHeadLock = 0x42504155;

    /// <summary>
    /// READ COMMITTED lets two transactions read the same last entry; a transaction-scoped advisory
    /// lock makes the second wait until the first has committed its entries.
    /// </summary>
    protected override async Task LockAuditHeadAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditHeadLock})", cancellationToken);

    protected override bool IsUniqueViolation(DbUpdateException failure) =>
        failure.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>PostgreSQL changes the row's system column <c>xmin</c> on every update: a version for free.</summary>
    protected override void ConfigureConcurrencyToken(EntityTypeBuilder entity) =>
        entity.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
}
