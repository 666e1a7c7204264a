using BidPortal.Domain.Data;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Support;

/// <summary>
/// The real app on a real SQLite file of its own (or a PostgreSQL database when given one).
/// With <c>seeded</c>, the file starts as a copy of a demo database seeded once per test run.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly Dictionary<string, string?> _settings = [];

    private readonly TimeProvider? _clock;

    public PortalFactory(bool seeded = true, string? postgresConnection = null,
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null, string? restartIn = null)
    {
        _clock = clock;
        // restartIn: the data folder of another factory, to start the app again on its database and keys.
        _ownsFolder = restartIn is null;
        _folder = restartIn ?? Path.Combine(Path.GetTempPath(), "bidportal-tests", Guid.NewGuid().ToString("N"));
        // Tests sign in far faster than a person: the sign-in rate limits stay out of the way unless a test sets them.
        _settings["SignIn:PermitsPerClient"] = "100000";
        _settings["SignIn:PermitsPerAccount"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        Directory.CreateDirectory(_folder);
        _settings["Portal:DataFolder"] = _folder;
        _settings["Portal:SeedFolder"] = Path.Combine(AppContext.BaseDirectory, "seed-data");
        if (postgresConnection is not null)
        {
            _settings["Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:BidPortal"] = postgresConnection;
            _settings.TryAdd("Portal:SeedDemo", seeded ? "true" : "false");
            return;
        }
        DatabasePath = Path.Combine(_folder, "bidportal.db");
        if (seeded && _ownsFolder)
        {
            File.Copy(SeededTemplate.Path, DatabasePath);
            // The audit key and head live beside the database file, outside it: they travel with the copy.
            // So does the key that encrypts the data-protection keys stored in it.
            foreach (var file in new[] { AuditSetup.KeyFile, AuditSetup.HeadFile, KeyEncryptionKey.KeyFile }
                .Where(f => File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(SeededTemplate.Path)!, f))))
                File.Copy(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(SeededTemplate.Path)!, file), System.IO.Path.Combine(_folder, file));
            // The seeded proposals' sealed files: their wrapped keys unwrap with the key ring the copy carries.
            var proposals = Path.Combine(Path.GetDirectoryName(SeededTemplate.Path)!, "proposals");
            if (Directory.Exists(proposals))
            {
                var target = Directory.CreateDirectory(Path.Combine(_folder, "proposals")).FullName;
                foreach (var sealedFile in Directory.EnumerateFiles(proposals))
                    File.Copy(sealedFile, Path.Combine(target, Path.GetFileName(sealedFile)));
            }
        }
        _settings["ConnectionStrings:BidPortal"] = $"Data Source={DatabasePath}";
        // The copy already holds the demo; seeding again must be a no-op, which the seeder checks itself.
        // A test may still say SeedDemo=false: a production start on a database an earlier start seeded.
        _settings.TryAdd("Portal:SeedDemo", seeded ? "true" : "false");
    }

    public string? DatabasePath { get; }

    public string DataFolder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
    }

    public BidPortalDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<BidPortalDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsFolder) return;
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
