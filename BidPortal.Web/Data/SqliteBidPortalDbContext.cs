using BidPortal.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
