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
        builder.Services.AddBidPortalFeatures();
        return builder;
    }

    /// <summary>Also what the component tests register, so they run the same services as the app.</summary>
    public static IServiceCollection AddBidPortalFeatures(this IServiceCollection services)
    {
        // Account (scoped: it signs the current request in)
        services.AddScoped<Account.SignIns>();
        // Filings
        services.AddSingleton<Filings.FilingReview>();
        services.AddSingleton<Filings.FilingImporter>();
        services.AddSingleton<Filings.SpecialPlan>();
        // Consolidation
        services.AddSingleton<Consolidation.Consolidation>();
        // Invitations and questions
        services.AddSingleton<Invitations.Invitations>();
        services.AddSingleton<Questions.Questions>();
        services.AddSingleton<Projects.Projects>();
        services.AddSingleton<Projects.Calls>();
        // Directory, dashboard, campaigns, rankings, mail
        services.AddSingleton<Dashboard.Dashboard>();
        services.AddSingleton<Dashboard.CampaignSummary>();
        services.AddSingleton<Directory.Directory>();
        services.AddSingleton<Campaigns.Campaigns>();
        services.AddSingleton<Mail.Outbox>();
        services.AddSingleton<Evaluation.Rankings>();
        services.AddSingleton<Evaluation.Evaluations>();
        services.AddSingleton<Evaluation.Panels>();
        services.AddSingleton<Evaluation.EvaluationBoard>();
        services.AddSingleton<Evaluation.RankingExports>();
        services.AddSingleton<Evaluation.Rubrics>();
        services.AddSingleton<Evaluation.ScoreSheets>();
        // Proposals (sealed until opening)
        services.AddSingleton<Proposals.Proposals>();
        services.AddSingleton<Proposals.ReceiptDocument>();
        services.AddSingleton<Proposals.ReceiptMail>();
        services.AddSingleton<Infrastructure.Mail.IMailAttachmentSource>(sp => sp.GetRequiredService<Proposals.ReceiptMail>());
        services.AddSingleton<Proposals.Openings>();
        // Shortlists (step 9): the sponsor's page, its PDF and the mail that carries it
        services.AddSingleton<Shortlists.Shortlists>();
        services.AddSingleton<Shortlists.ShortlistDocument>();
        services.AddSingleton<Shortlists.ShortlistMail>();
        services.AddSingleton<Infrastructure.Mail.IMailAttachmentSource>(sp => sp.GetRequiredService<Shortlists.ShortlistMail>());
        // Open data and list exports
        services.AddSingleton<OpenData.OcdsExport>();
        services.AddSingleton<Exports.ListExports>();
        // Public notice and objections (issue 12)
        services.AddSingleton<Notice.Notices>();
        services.AddSingleton<Notice.NoticeMail>();
        // Award (定标) and each bidder's outcome
        services.AddSingleton<Awards.OutcomeMail>();
        services.AddSingleton<Awards.Awards>();
        // Execution (step 10)
        services.AddSingleton<Execution.Executions>();
        return services;
    }
}
