namespace BidPortal.Web.Features;

/// <summary>
/// The feature services: one per workflow or screen (FilingReview, Consolidation, Invitations…).
/// Each takes the context factory and opens one short-lived context per operation, so they are
/// singletons; every call names its acting person.
/// </summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddBidPortalFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Filings
        // Consolidation
        services.AddSingleton<Consolidation.Consolidation>();
        // Invitations and questions
        // Directory, dashboard, rankings, mail
        services.AddSingleton<Dashboard.Dashboard>();
        services.AddSingleton<Directory.Directory>();
        services.AddSingleton<Campaigns.Campaigns>();
        services.AddSingleton<Mail.Outbox>();
        services.AddSingleton<Evaluation.Rankings>();
        services.AddSingleton<Evaluation.Evaluations>();
        return builder;
    }
}
