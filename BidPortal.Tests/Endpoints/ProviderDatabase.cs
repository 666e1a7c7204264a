using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using BidPortal.Web.Data;
using BidPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BidPortal.Tests.Endpoints;

/// <summary>A migrated database of a test's own on either provider, with an audit key and head anchor.</summary>
public sealed class ProviderDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bidportal-tests", "save-" + Guid.NewGuid().ToString("N"));
    private readonly string? _postgresName;
    private readonly IDbContextFactory<BidPortalDbContext> _factory;

    private ProviderDatabase(string provider)
    {
        Directory.CreateDirectory(_folder);
        Anchor = new FileAuditAnchor(_folder);
        var clock = TimeProvider.System;
        if (provider == "Postgres")
        {
            _postgresName = "bidportal_test_" + Guid.NewGuid().ToString("N")[..12];
            var connection = new NpgsqlConnectionStringBuilder(MigrationTests.PostgresAdmin) { Database = _postgresName }.ConnectionString;
            var options = new DbContextOptionsBuilder<PostgresBidPortalDbContext>().UseNpgsql(connection).Options;
            _factory = new PortalContextFactory<PostgresBidPortalDbContext>(new Contexts<PostgresBidPortalDbContext>(options), clock, Key, Anchor);
        }
        else
        {
            var options = new DbContextOptionsBuilder<SqliteBidPortalDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "save.db")}").Options;
            _factory = new PortalContextFactory<SqliteBidPortalDbContext>(new Contexts<SqliteBidPortalDbContext>(options), clock, Key, Anchor);
        }
    }

    public AuditKey Key { get; } = AuditKey.NewRandom();
    public FileAuditAnchor Anchor { get; }

    public static async Task<ProviderDatabase> CreateAsync(string provider)
    {
        var database = new ProviderDatabase(provider);
        if (database._postgresName is not null)
        {
            await using var admin = new NpgsqlConnection(MigrationTests.PostgresAdmin);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database._postgresName}", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using var db = database.Create();
        await db.Database.MigrateAsync();
        return database;
    }

    public BidPortalDbContext Create() => _factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(MigrationTests.PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class Contexts<T>(DbContextOptions<T> options) : IDbContextFactory<T> where T : DbContext
    {
        public T CreateDbContext() => (T)Activator.CreateInstance(typeof(T), options)!;
    }
}
