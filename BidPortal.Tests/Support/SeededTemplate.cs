using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Support;

/// <summary>
/// The demo seed (with its 351 sealed proposal PDFs) runs once per test run; every class copies the database,
/// the key files beside it and the sealed files under proposals/ (see <see cref="PortalFactory"/>).
/// </summary>
public static class SeededTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Template.Value;

    private static string Create()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bidportal-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, "bidportal.db");
        using (var factory = new TemplateFactory(folder, file))
        {
            // Building the host migrates and seeds.
            _ = factory.Services;
        }
        SqliteConnection.ClearAllPools();
        return file;
    }

    private sealed class TemplateFactory(string folder, string file) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Portal:DataFolder", folder);
            builder.UseSetting("Portal:SeedDemo", "true");
            builder.UseSetting("Portal:SeedFolder", System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data"));
            builder.UseSetting("ConnectionStrings:BidPortal", $"Data Source={file}");
        }
    }
}
