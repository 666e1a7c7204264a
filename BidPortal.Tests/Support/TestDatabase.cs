using BidPortal.Domain.Data;
using BidPortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Support;

/// <summary>A real, migrated SQLite file of a test's own, without the web host around it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "bidportal-tests", $"db-{Guid.NewGuid():N}.db");

    public TestDatabase(TimeProvider clock)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new DbContextOptionsBuilder<SqliteBidPortalDbContext>().UseSqlite($"Data Source={_path}").Options;
        Factory = new PortalContextFactory<SqliteBidPortalDbContext>(new OptionsFactory<SqliteBidPortalDbContext>(options), clock);
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
    }

    public PortalContextFactory<SqliteBidPortalDbContext> Factory { get; }

    public BidPortalDbContext Create() => Factory.CreateDbContext();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private sealed class OptionsFactory<T>(DbContextOptions<T> options) : IDbContextFactory<T> where T : DbContext
    {
        public T CreateDbContext() => (T)Activator.CreateInstance(typeof(T), options)!;
    }
}
