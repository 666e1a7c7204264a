using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BidPortal.Web.Data;

/// <summary>The SQLite flavour of the context; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteBidPortalDbContext(DbContextOptions<SqliteBidPortalDbContext> options) : BidPortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-with-offset type and cannot compare the text EF would store.
        // Every instant is UTC, so UTC ticks keep order and equality exact (the stock binary
        // converter drops sub-millisecond digits, which would break the audit log's hashes).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>SQLITE_CONSTRAINT_UNIQUE (2067) or a duplicate primary key (1555), both under SQLITE_CONSTRAINT (19).</summary>
    protected override bool IsUniqueViolation(DbUpdateException failure) =>
        failure.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}

public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

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

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBidPortalDbContext>
{
    public SqliteBidPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBidPortalDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBidPortalDbContext>
{
    public PostgresBidPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBidPortalDbContext>().UseNpgsql("Host=127.0.0.1;Database=bidportal_design").Options);
}

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
