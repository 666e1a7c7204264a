using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Campaigns;

/// <summary>Which campaign is open, and each campaign's rules (organizer only to change them).</summary>
public sealed class Campaigns(IDbContextFactory<BidPortalDbContext> contexts)
{
    /// <summary>The newest campaign that accepts filings, or null: any signed-in person may ask.</summary>
    public async Task<CampaignSummary?> OpenAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(actor.IsAuthenticated);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OpenCampaign.FindAsync(db) is { } c ? Summary(c) : null;
    }

    public async Task<CampaignRules> RulesAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == campaignId, ct));
        return new CampaignRules(Summary(c), new RuleSettings(c.DocumentsLeadDays, c.ReportDueDays, c.ReminderLeadDays,
            c.DefaultBidWindowDays, c.MinValidProposals, c.ShortlistSize, c.NoticeDays));
    }

    public async Task SaveRulesAsync(Actor actor, int campaignId, RuleSettings rules, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.SingleOrDefaultAsync(x => x.Id == campaignId, ct));
        campaign.ConfigureRules(rules.DocumentsLeadDays, rules.ReportDueDays, rules.ReminderLeadDays, rules.DefaultBidWindowDays,
            rules.MinValidProposals, rules.ShortlistSize);
        campaign.SetNoticeDays(rules.NoticeDays);
        await db.SaveChangesAsync(ct);
    }

    private static CampaignSummary Summary(Campaign c) => new(c.Id, c.Year, c.NameIn(Language.Reader));
}
