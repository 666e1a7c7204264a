using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using BidPortal.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

public static class DatabaseSetup
{
    /// <summary>
    /// SQLite in the data folder unless <c>Database:Provider=Postgres</c> with
    /// <c>ConnectionStrings:BidPortal</c>; each provider brings its own migrations.
    /// </summary>
    public static WebApplicationBuilder AddBidPortalDatabase(this WebApplicationBuilder builder)
    {
        var portal = builder.Configuration.GetSection("Portal").Get<PortalOptions>() ?? new PortalOptions();
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString("BidPortal");
        var services = builder.Services;
        var dataFolder = DataFolder(builder.Environment, portal);
        services.AddSingleton(_ => AuditSetup.LoadKey(builder.Configuration, dataFolder));
        services.AddSingleton<IAuditAnchor>(new FileAuditAnchor(dataFolder));

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:BidPortal is empty.");
            services.AddDbContextFactory<PostgresBidPortalDbContext>(o => o.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<BidPortalDbContext>>(sp => new PortalContextFactory<PostgresBidPortalDbContext>(
                sp.GetRequiredService<IDbContextFactory<PostgresBidPortalDbContext>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<AuditKey>(), sp.GetRequiredService<IAuditAnchor>()));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(dataFolder);
                connectionString = $"Data Source={Path.Combine(dataFolder, "bidportal.db")}";
            }
            services.AddDbContextFactory<SqliteBidPortalDbContext>(o => o.UseSqlite(connectionString));
            services.AddSingleton<IDbContextFactory<BidPortalDbContext>>(sp => new PortalContextFactory<SqliteBidPortalDbContext>(
                sp.GetRequiredService<IDbContextFactory<SqliteBidPortalDbContext>>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<AuditKey>(), sp.GetRequiredService<IAuditAnchor>()));
        }
        // Identity and the data-protection key ring ask for the context by its base type.
        services.AddHttpContextAccessor();
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<BidPortalDbContext>>().CreateDbContext();
            // User and role changes go through this context: the log names who made them.
            db.ActorSource = _ => SignedInNameAsync(sp);
            return db;
        });
        return builder;
    }

    /// <summary>The circuit's user in an interactive component, the request's user in an endpoint or a form post.</summary>
    private static async Task<string?> SignedInNameAsync(IServiceProvider services)
    {
        try
        {
            if (services.GetService<AuthenticationStateProvider>() is { } provider
                && (await provider.GetAuthenticationStateAsync()).User.Identity is { IsAuthenticated: true, Name: { } name })
                return name;
        }
        catch (InvalidOperationException)
        {
            // Outside a component (middleware, endpoints) the provider has no state yet: the request has it.
        }
        return services.GetService<IHttpContextAccessor>()?.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } user } ? user : null;
    }

    public static string DataFolder(IHostEnvironment environment, PortalOptions portal) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, portal.DataFolder));
}
