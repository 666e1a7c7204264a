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
        // Invitations and questions
        services.AddSingleton<Invitations.Invitations>();
        services.AddSingleton<Questions.Questions>();
        services.AddSingleton<Projects.Projects>();
        // Directory, dashboard, rankings, mail
        _ = services;
        return builder;
    }
}
