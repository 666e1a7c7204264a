using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BidPortal.Web.Data;

/// <summary>The SQLite flavour of the context; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteBidPortalDbContext(DbContextOptions<SqliteBidPortalDbContext> options) : BidPortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // SQLite has no date-time-with-offset type and cannot compare the text EF would store.
        // Every instant is UTC, so UTC ticks keep order and equality exact (the stock binary
        // converter drops sub-millisecond digits, which would break the audit log's hashes).
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresBidPortalDbContext(DbContextOptions<PostgresBidPortalDbContext> options) : BidPortalDbContext(options);

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

/// <summary>Hands out the provider's context as <see cref="BidPortalDbContext"/>, with the app's clock.</summary>
public sealed class PortalContextFactory<TContext>(IDbContextFactory<TContext> inner, TimeProvider clock)
    : IDbContextFactory<BidPortalDbContext> where TContext : BidPortalDbContext
{
    public BidPortalDbContext CreateDbContext()
    {
        var db = inner.CreateDbContext();
        db.Clock = clock;
        return db;
    }
}
