using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Shortlists;

/// <summary>
/// Step 9, the shortlist the organizer publishes to the project's lead sponsor: its institutions in recommended
/// order with every figure, read through <see cref="Rankings"/>' one loader (never ranked again), and where the
/// public notice stands. The page, the PDF and the mail's PDF all read <see cref="ShortlistView"/> from here.
/// </summary>
public sealed class Shortlists(IDbContextFactory<BidPortalDbContext> contexts, TextCatalog catalog, TimeProvider clock)
{
    /// <summary>
    /// The published shortlist for the organizer or the project's lead sponsor (<see cref="AccessPolicy.CanSeeShortlist"/>).
    /// Anyone else — another unit, an institution, an evaluator, or the sponsor before publication — finds no such
    /// shortlist, as with an unknown id: a page and a PDF that say nothing of another unit's project.
    /// </summary>
    public async Task<ShortlistView> ForSponsorAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = await Rankings.ProjectAsync(db, projectId, ct);
        if (project is null || !AccessPolicy.CanSeeShortlist(actor, project)) throw new DomainException(AccessPolicy.NotFoundKey);
        return await ViewAsync(db, project, Language.Reader, ct);
    }

    /// <summary>
    /// The shortlist for the mail that carries it, in its recipient's language, through the sender's context. The
    /// recipients were chosen by the rule (the lead sponsor's people) when the mail was queued; null when the
    /// project has no published shortlist any more (scoring reopened before the mail went).
    /// </summary>
    internal async Task<ShortlistView?> ForMailAsync(BidPortalDbContext db, int projectId, CultureInfo culture, CancellationToken ct)
    {
        var project = await Rankings.ProjectAsync(db, projectId, ct);
        return project?.ShortlistPublishedAt is null ? null : await ViewAsync(db, project, culture, ct);
    }

    private async Task<ShortlistView> ViewAsync(BidPortalDbContext db, TenderProject project, CultureInfo culture, CancellationToken ct)
    {
        var ranking = await Rankings.ViewAsync(db, project, culture, ct);
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == project.CampaignId, ct);
        var unit = await db.SponsorUnits.AsNoTracking().SingleAsync(u => u.Id == project.LeadSponsorUnitId, ct);
        var positions = project.Shortlist.ToDictionary(s => s.ProposalId, s => s.Position);
        var rows = ranking.Rows.Where(r => positions.ContainsKey(r.ProposalId)).OrderBy(r => positions[r.ProposalId])
            .Select(r => new ShortlistRow(positions[r.ProposalId], r.Rank, r.InstitutionId, r.Institution, r.Score, r.CriterionAverages, r.Price,
                Flags(r, culture)))
            .ToList();
        var now = clock.GetUtcNow();
        var open = project.Objections.Count(o => o.IsOpen);
        return new ShortlistView(project.Id, campaign.NameIn(culture), project.Code, ranking.Title, unit.NameIn(culture), project.Deadline,
            ranking.PanelSize, project.ShortlistPublishedAt, project.NoticeEndsAt, project.InNotice(now), open,
            NoticeState(project, open, now, culture), project.Status, ranking.Criteria, rows);
    }

    /// <summary>The ranking's flags in words, as the organizer's exports say them.</summary>
    private List<string> Flags(RankingRow row, CultureInfo culture)
    {
        List<string> flags = [];
        if (row.AbnormallyLowPrice) flags.Add(catalog.Get("Export.Flag.AbnormallyLow", culture));
        if (row.NeedsOutlierReason) flags.Add(catalog.Get("Export.Flag.OutlierUnexplained", culture));
        else if (row.HasOutlier) flags.Add(catalog.Get("Export.Flag.Outlier", culture));
        return flags;
    }

    /// <summary>"公示期至 …（北京时间）结束；没有未答复的质疑" and the like: where the notice stands, and what waits for the award.</summary>
    private string NoticeState(TenderProject project, int openObjections, DateTimeOffset now, CultureInfo culture)
    {
        if (project.Status is ProjectStatus.Awarded or ProjectStatus.Completed)
            return project.NoticeEndsAt is { } ended
                ? catalog.Format("Shortlist.Notice.Awarded", culture, ended)
                : catalog.Get("Shortlist.Notice.AwardedNoDate", culture);
        var period = project.NoticeEndsAt switch
        {
            null => catalog.Get("Shortlist.Notice.None", culture),
            { } end when project.InNotice(now) => catalog.Format("Shortlist.Notice.Running", culture, end),
            { } end => catalog.Format("Shortlist.Notice.Ended", culture, end),
        };
        var objections = openObjections > 0
            ? catalog.Format("Shortlist.Notice.ObjectionsOpen", culture, openObjections)
            : catalog.Get("Shortlist.Notice.NoObjection", culture);
        return period + catalog.Get("Shortlist.Notice.Separator", culture) + objections;
    }
}
