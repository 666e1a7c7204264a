using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Consolidation;

/// <summary>Step 2: approved filings of the open campaign are merged into tender projects or left out.</summary>
public sealed class Consolidation(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock)
{
    public const string CodeTakenKey = "Merge.CodeTaken";

    public async Task<ConsolidationView> LoadAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = await OpenCampaign.FindAsync(db);
        if (campaign is null) return ConsolidationView.None;
        var filings = await db.Filings.AsNoTracking().Include(f => f.SponsorUnit)
            .Where(f => f.CampaignId == campaign.Id && f.Status == FilingStatus.Approved)
            .OrderBy(f => f.SponsorUnitId).ThenBy(f => f.Title).ToListAsync(ct);
        var culture = Language.Reader;
        var rows = filings.ToDictionary(f => f.Id, f => new ApprovedFiling(f.Id, f.Title, f.SponsorUnit!.NameIn(culture), f.SponsorUnit.System,
            f.Theme, f.Headcount, f.Budget, SpecialtyTags.ForFilings([f])));
        var suggestions = ConsolidationSuggestions.For(filings, f => f.SponsorUnit!.System)
            .Select(g => new MergeSuggestion(g.Reason, g.Key, [.. g.Filings.Select(f => rows[f.Id])]))
            .ToList();
        var codes = await db.Projects.Where(p => p.CampaignId == campaign.Id).Select(p => p.Code).ToListAsync(ct);
        return new ConsolidationView(campaign.Id, [.. rows.Values], suggestions, ProjectCodes.Next(codes, campaign.Year));
    }

    /// <summary>
    /// Merges the filings into one project and lists its invitations by the routing rule, all in
    /// one save. A code the campaign already uses is refused with <see cref="CodeTakenKey"/>.
    /// </summary>
    public async Task<int> MergeAsync(Actor actor, MergeRequest request, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var ids = request.FilingIds.Distinct().ToList();
        var filings = await db.Filings.Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        if (filings.Count == 0 || filings.Count != ids.Count) throw new DomainException(AccessPolicy.NotFoundKey);
        var campaign = await db.Campaigns.Include(c => c.DefaultRubric).SingleAsync(c => c.Id == filings[0].CampaignId, ct);
        var code = request.Code.Trim();
        if (await db.Projects.AnyAsync(p => p.CampaignId == campaign.Id && p.Code == code, ct))
            throw new DomainException(CodeTakenKey, code);
        var theme = filings.GroupBy(f => f.Theme).OrderByDescending(g => g.Count()).First().Key;
        var project = TenderProject.Consolidate(campaign, code, request.Title, request.TitleEn, request.Description, theme,
            SpecialtyTags.Parse(request.Tags), filings, request.Headcount, request.Budget);
        InvitationRule.ListOn(project, await db.Institutions.ToListAsync(ct));
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project.Id;
    }

    /// <summary>
    /// Changes a draft project's tags and redraws its proposed invitation list by the routing rule
    /// (<see cref="InvitationRule.Redraw"/>), in one save. Refused once the project is published.
    /// </summary>
    public async Task<RetagResult> RetagAsync(Actor actor, int projectId, IEnumerable<string> tags, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await db.Projects.Include(p => p.Invitations).ThenInclude(i => i.Institution)
            .SingleOrDefaultAsync(p => p.Id == projectId, ct));
        project.Retag(tags);
        var (added, dropped) = InvitationRule.Redraw(project, await db.Institutions.ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        var reader = Language.Reader;
        return new RetagResult(project.Tags, [.. added.Select(i => i.NameIn(reader))], [.. dropped.Select(i => i.NameIn(reader))]);
    }

    /// <summary>Leaves approved filings out of consolidation, with a kind and a reason.</summary>
    public async Task ExcludeAsync(Actor actor, IReadOnlyCollection<int> filingIds, ExclusionKind kind, string reason, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReviewFilings(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var filings = await db.Filings.Where(f => filingIds.Contains(f.Id)).ToListAsync(ct);
        if (filings.Count != filingIds.Distinct().Count()) throw new DomainException(AccessPolicy.NotFoundKey);
        foreach (var filing in filings) filing.Exclude(kind, reason, clock);
        await db.SaveChangesAsync(ct);
    }
}
