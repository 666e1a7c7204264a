using BidPortal.Domain.Data;
using BidPortal.Web.Data;
using Microsoft.Data.Sqlite;
using BidPortal.Web.Features;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace BidPortal.Tests.Support;

/// <summary>A real, migrated SQLite file of a test's own, without the web host around it.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "bidportal-tests", $"db-{Guid.NewGuid():N}.db");

    public TestDatabase(TimeProvider clock)
    {
        Files = new LocalFileStore(new HostingEnvironment { ContentRootPath = Path.GetTempPath() },
            Options.Create(new PortalOptions { DataFolder = _path + ".files" }));
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new DbContextOptionsBuilder<SqliteBidPortalDbContext>().UseSqlite($"Data Source={_path}").Options;
        Factory = new PortalContextFactory<SqliteBidPortalDbContext>(new OptionsFactory<SqliteBidPortalDbContext>(options), clock);
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
    }

    public PortalContextFactory<SqliteBidPortalDbContext> Factory { get; }

    public BidPortalDbContext Create() => Factory.CreateDbContext();

    /// <summary>Uploaded files of this test, in a folder beside its database.</summary>
    public LocalFileStore Files { get; }

    /// <summary>The database, its files, the clock and the portal's feature services, as the app registers them.</summary>
    public void Register(IServiceCollection services, TimeProvider clock)
    {
        services.AddSingleton<IDbContextFactory<BidPortalDbContext>>(Factory);
        services.AddSingleton(clock);
        services.AddSingleton<IFileStore>(Files);
        services.AddBidPortalFeatures();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        if (Directory.Exists(_path + ".files")) Directory.Delete(_path + ".files", recursive: true);
    }

    private sealed class OptionsFactory<T>(DbContextOptions<T> options) : IDbContextFactory<T> where T : DbContext
    {
        public T CreateDbContext() => (T)Activator.CreateInstance(typeof(T), options)!;
    }
}
