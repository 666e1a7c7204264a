using BidPortal.Domain.Data;
using BidPortal.Web.Features;
using BidPortal.Web.Infrastructure.Files;
using BidPortal.Web.Infrastructure.Mail;
using BidPortal.Web.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace BidPortal.Web.Infrastructure;

public static class PortalSetup
{
    /// <summary>What one message from a browser may carry (SignalR's default is 32 KB).</summary>
    public const long MaxHubMessageBytes = 512 * 1024;

    public static WebApplicationBuilder AddBidPortal(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection("Portal"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // A long pasted text (20,000 Chinese characters) must reach the field and be refused there, not drop the circuit.
        builder.Services.AddServerSideBlazor().AddHubOptions(o => o.MaximumReceiveMessageSize = MaxHubMessageBytes);
        builder.Services.AddMudServices();
        builder.Services.AddTransient<DemoSeeder>();
        builder.Services.AddSingleton<IFileStore, LocalFileStore>();
        builder.Services.AddSingleton<Sealing.ProposalVault>();
        return builder
            .AddBidPortalMail()
            .AddBidPortalDatabase()
            .AddBidPortalIdentity()
            .AddBidPortalLocalization()
            .AddBidPortalFeatures()
            .AddBidPortalSignInLimits()
            .AddBidPortalSecurityHeaders();
    }

    /// <summary>Applies the provider's migrations, then loads the demo campaign when it is wanted and missing.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BidPortalDbContext>();
        await db.Database.MigrateAsync();
        var options = app.Configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions();
        if (options.SeedDemo)
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(options.SeedFolder ?? DemoSeeder.DefaultFolder);
        var (partials, orphans) = await Sealing.ProposalCleanup.RunAsync(scope.ServiceProvider.GetRequiredService<Sealing.ProposalVault>(), db,
            scope.ServiceProvider.GetRequiredService<TimeProvider>());
        if (partials + orphans > 0)
            app.Logger.ProposalFilesCleaned(partials, orphans);
    }
}
