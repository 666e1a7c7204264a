using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BidPortal.Tests.Endpoints;

/// <summary>Each provider's migrations build the whole schema on an empty database at start.</summary>
public class MigrationTests
{
    /// <summary>test.sh starts PostgreSQL and sets this; the default matches its set-up.</summary>
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("BIDPORTAL_TEST_POSTGRES") ?? "Host=127.0.0.1;Username=bidportal;Password=bidportal;Database=postgres";

    [Fact]
    public async Task EmptySqliteFile_IsMigratedAtStart()
    {
        using var factory = new PortalFactory(seeded: false);
        Assert.False(File.Exists(factory.DatabasePath));
        await using var db = factory.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.True(File.Exists(factory.DatabasePath));
        Assert.Equal(0, await db.Campaigns.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
        using var client = factory.CreateClient();
        Assert.Contains("login-name", await client.GetStringAsync("/login"));
    }

    [Fact]
    public async Task EmptyPostgresDatabase_IsMigrated_AndSeeded()
    {
        var name = "bidportal_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
            using var factory = new PortalFactory(seeded: true, postgresConnection: connection);
            await using var db = factory.CreateDbContext();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var organizer = BidPortal.Domain.Access.Actor.Of("organizer", BidPortal.Domain.Identity.Roles.Organizer);
            var funnel = (await factory.Services.GetRequiredService<BidPortal.Web.Features.Dashboard.Dashboard>().CampaignsAsync(organizer))
                .Single(c => c.Year == 2011).Funnel;
            Assert.Equal((43, 325, 7_470_000m), (funnel.ConsolidatedProjects, funnel.Proposals, funnel.CompletedMoney));
            // Timestamps come back from PostgreSQL exactly as they were hashed.
            Assert.Null(BidPortal.Domain.Audit.AuditChain.FirstBroken(await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync(),
                factory.Services.GetRequiredService<BidPortal.Domain.Audit.AuditKey>()));

            using var client = factory.CreateClient();
            var landing = await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword);
            Assert.Equal("/organizer", landing.RequestMessage!.RequestUri!.AbsolutePath);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
