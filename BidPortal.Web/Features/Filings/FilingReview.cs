using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Filings;

/// <summary>
/// Step 1: a sponsor files a course and its documents; the organizer approves it (into the special
/// plan or not), returns it or rejects it. Every write reloads the filing and asks the access
/// policy again at that moment, whatever the page showed before.
/// </summary>
public sealed class FilingReview(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, IFileStore files)
{
    public const long MaxDocumentBytes = 50L * 1024 * 1024;
    public static readonly IReadOnlyList<string> DocumentExtensions = FileTypes.Extensions;

    private static CultureInfo Reader => Language.Reader;

    // ---- Reads ----

    public async Task<FilingPage> GetAsync(Actor actor, int filingId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filing = AccessPolicy.Found(await db.Filings.AsNoTracking().Include(f => f.Documents).Include(f => f.SponsorUnit)
            .SingleOrDefaultAsync(f => f.Id == filingId, ct));
        AccessPolicy.Demand(AccessPolicy.CanSeeFiling(actor, filing.SponsorUnitId));
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == filing.CampaignId, ct);
        var projectCode = await db.Projects.Where(p => p.Id == filing.TenderProjectId).Select(p => p.Code).SingleOrDefaultAsync(ct);
        var today = campaign.LocalDate(clock.GetUtcNow());
        var canChange = AccessPolicy.CanChangeFiling(actor, filing.SponsorUnitId);
        var documents = filing.Compliance(campaign, today).Select(c =>
        {
            var latest = filing.LatestDocument(c.Kind);
            return new FilingDocumentRow(c.Kind, c.Due, c.State, latest?.Id, latest?.FileName, latest?.UploadedAt,
                latest?.StorageKey is not null, canChange && filing.AcceptsDocument(c.Kind));
        }).ToList();
        return new FilingPage(filing.Id, filing.Status, filing.SponsorUnit!.NameIn(Reader), filing.Details, filing.InSpecialPlan,
            filing.ReviewComment, filing.TenderProjectId, projectCode, documents, filing.NotReimbursableReasons(campaign, today),
            AccessPolicy.CanReviewFilings(actor) ? filing.ApprovalWarnings(campaign, today) : [], canChange, AccessPolicy.CanReviewFilings(actor));
    }

    /// <summary>The form's starting values, for the unit's own users while the filing can still change.</summary>
    public async Task<(FilingDetails Details, string? ReturnedBecause)> GetForEditAsync(Actor actor, int filingId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filing = AccessPolicy.Found(await db.Filings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == filingId, ct));
        AccessPolicy.Demand(AccessPolicy.CanChangeFiling(actor, filing.SponsorUnitId));
        return (filing.Details, filing.Status == FilingStatus.Returned ? filing.ReviewComment : null);
    }

    /// <summary>The campaign that takes new filings now, by its name in the reader's language; null when none does.</summary>
    public async Task<string?> OpenCampaignNameAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await OpenCampaign.FindAsync(db))?.NameIn(Reader);
    }

    /// <summary>
    /// The documents rule as it stands today (Beijing date) for the filing form: the filing's own
    /// campaign when it is edited, the open campaign for a new one; null when there is none.
    /// </summary>
    public async Task<DocumentsWindow?> DocumentsWindowAsync(Actor actor, int? filingId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        Campaign? campaign;
        if (filingId is { } id)
        {
            var filing = AccessPolicy.Found(await db.Filings.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct));
            AccessPolicy.Demand(AccessPolicy.CanSeeFiling(actor, filing.SponsorUnitId));
            campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == filing.CampaignId, ct);
        }
        else
        {
            campaign = await OpenCampaign.FindAsync(db);
        }
        return campaign?.DocumentsWindowOn(campaign.LocalDate(clock.GetUtcNow()));
    }

    public async Task<SponsorOverview> SponsorOverviewAsync(Actor actor, CancellationToken ct = default)
    {
        // The unit comes from the sign-in, never from the address.
        if (!actor.IsSponsor) return new SponsorOverview("", [], []);
        var unitId = actor.SponsorUnitId!.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var unit = await db.SponsorUnits.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var campaigns = await db.Campaigns.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var codes = await db.Projects.Where(p => p.Sources.Any(f => f.SponsorUnitId == unitId)).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var filings = await db.Filings.AsNoTracking().Include(f => f.Documents).Where(f => f.SponsorUnitId == unitId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = filings
            .Select(f => (Filing: f, Campaign: campaigns[f.CampaignId]))
            .OrderByDescending(x => x.Campaign.Year).ThenBy(x => x.Filing.PlannedStart)
            .Select(x => new SponsorOverview.FilingRow(x.Filing.Id, x.Campaign.Year, x.Filing.Title, x.Filing.Theme, x.Filing.PlannedStart,
                x.Filing.PlannedEnd, x.Filing.Status, x.Filing.TenderProjectId is { } p ? codes.GetValueOrDefault(p) : null,
                x.Filing.NotReimbursableReasons(x.Campaign, x.Campaign.LocalDate(now)).Count > 0))
            .ToList();
        var projects = (await db.Projects.AsNoTracking().Where(p => p.LeadSponsorUnitId == unitId)
                .OrderByDescending(p => p.CampaignId).ThenBy(p => p.Code)
                .Select(p => new { Project = p, Shortlisted = p.Shortlist.Count })
                .ToListAsync(ct))
            // Past its deadline an open project waits for its opening: the sponsor reads it as the organizer does.
            .Select(x => new SponsorOverview.ProjectRow(x.Project.Code, x.Project.TitleIn(Reader), x.Project.Status, x.Shortlisted,
                x.Project.AwaitsOpening(now), x.Project.Id))
            .ToList();
        return new SponsorOverview(unit.NameIn(Reader), rows, projects);
    }

    public async Task<IReadOnlyList<FilingQueueRow>> QueueAsync(Actor actor, FilingQueueFilter filter, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReviewFilings(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaignId = (await OpenCampaign.FindAsync(db))?.Id;
        var query = db.Filings.AsNoTracking().Where(f => f.CampaignId == campaignId && f.Status != FilingStatus.Draft);
        if (filter.Status is { } s) query = query.Where(f => f.Status == s);
        if (filter.Theme is { } t) query = query.Where(f => f.Theme == t);
        if (filter.UnitId is { } u) query = query.Where(f => f.SponsorUnitId == u);
        if (filter.MajorOrCrossOnly) query = query.Where(f => f.IsMajorTopic || f.IsCrossUnit);
        var rows = await query.OrderBy(f => f.SubmittedAt)
            .Select(f => new { f.Id, f.Title, Unit = f.SponsorUnit!.Name, UnitEn = f.SponsorUnit.NameEn, f.Theme, f.PlannedStart, f.Budget,
                f.IsMajorTopic, f.IsCrossUnit, f.Status })
            .ToListAsync(ct);
        return [.. rows.Select(r => new FilingQueueRow(r.Id, r.Title, Language.Pick(Reader, r.Unit, r.UnitEn), r.Theme, r.PlannedStart,
            r.Budget, r.IsMajorTopic, r.IsCrossUnit, r.Status))];
    }

    public async Task<IReadOnlyList<NamedOption>> UnitsAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReviewFilings(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var units = await db.SponsorUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(ct);
        return [.. units.Select(u => new NamedOption(u.Id, u.NameIn(Reader)))];
    }

    // ---- Writes: the sponsor ----

    /// <summary>A new draft in the open campaign, for the actor's own unit.</summary>
    public async Task<int> CreateAsync(Actor actor, FilingDetails details, CancellationToken ct = default)
    {
        AccessPolicy.Demand(actor.IsSponsor);
        await using var db = await contexts.CreateForAsync(actor, ct);
        var unit = await db.SponsorUnits.SingleAsync(u => u.Id == actor.SponsorUnitId, ct);
        AccessPolicy.Demand(AccessPolicy.CanFileFor(actor, unit.Id));
        var campaign = await OpenCampaign.FindAsync(db) ?? throw new DomainException("Filing.NoOpenCampaign");
        var filing = new Filing(campaign, unit, details, clock);
        db.Filings.Add(filing);
        await db.SaveChangesAsync(ct);
        return filing.Id;
    }

    public Task EditAsync(Actor actor, int filingId, FilingDetails details, CancellationToken ct = default) =>
        ChangeAsync(actor, filingId, AccessPolicy.CanChangeFiling, f => f.Edit(details), ct);

    public Task SubmitAsync(Actor actor, int filingId, CancellationToken ct = default) =>
        ChangeAsync(actor, filingId, AccessPolicy.CanChangeFiling, f => f.Submit(clock), ct);

    /// <summary>
    /// Checks the filing and the unit first, then stores the bytes, then records the document: a
    /// refusal stores nothing, and a failed save removes the stored file again.
    /// </summary>
    public async Task AttachDocumentAsync(Actor actor, int filingId, DocumentKind kind, string fileName, long length, Stream content,
        CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        if (!DocumentExtensions.Contains(Path.GetExtension(name).ToLowerInvariant())) throw new DomainException("Upload.BadType", name);
        if (length > MaxDocumentBytes) throw new DomainException("Upload.TooLarge", name, MaxDocumentBytes / 1024 / 1024);
        await using var db = await contexts.CreateForAsync(actor, ct);
        var filing = AccessPolicy.Found(await db.Filings.Include(f => f.Documents).SingleOrDefaultAsync(f => f.Id == filingId, ct));
        AccessPolicy.Demand(AccessPolicy.CanChangeFiling(actor, filing.SponsorUnitId));
        if (!filing.AcceptsDocument(kind)) throw new DomainException(filing.Status == FilingStatus.Rejected ? "Filing.Rejected" : "Filing.ReportBeforeApproval");
        // The bytes decide what the file is (HTML named .pdf is refused); nothing is stored before this.
        var (_, checkedContent) = await FileTypes.CheckAsync(content, name, MaxDocumentBytes, ct);
        await using var _ = checkedContent;
        var stored = await files.SaveAsync(checkedContent, $"filings/{filing.Id}", ct);
        try
        {
            filing.AttachDocument(kind, name, stored.Size, stored.Sha256, stored.Key, clock);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }
    }

    // ---- Writes: the organizer ----

    public Task ApproveAsync(Actor actor, int filingId, bool intoSpecialPlan, string? comment, CancellationToken ct = default) =>
        ChangeAsync(actor, filingId, (a, _) => AccessPolicy.CanReviewFilings(a), f => f.Approve(intoSpecialPlan, clock, comment), ct);

    public Task ReturnAsync(Actor actor, int filingId, string comment, CancellationToken ct = default) =>
        ChangeAsync(actor, filingId, (a, _) => AccessPolicy.CanReviewFilings(a), f => f.ReturnForChanges(comment, clock), ct);

    public Task RejectAsync(Actor actor, int filingId, string reason, CancellationToken ct = default) =>
        ChangeAsync(actor, filingId, (a, _) => AccessPolicy.CanReviewFilings(a), f => f.Reject(reason, clock), ct);

    /// <summary>
    /// Approves every chosen filing that is still submitted (major-topic and cross-unit ones into the
    /// special plan) in one save; any that changed since the list was drawn is left and named.
    /// </summary>
    public async Task<BulkApproval> ApproveManyAsync(Actor actor, IReadOnlyCollection<int> filingIds, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReviewFilings(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var filings = await db.Filings.Where(f => filingIds.Contains(f.Id)).ToListAsync(ct);
        var left = new List<BulkApproval.Skipped>();
        var approved = 0;
        foreach (var filing in filings)
        {
            try
            {
                filing.Approve(filing.IsMajorTopic || filing.IsCrossUnit, clock);
                approved++;
            }
            catch (DomainException e)
            {
                left.Add(new BulkApproval.Skipped(filing.Title, e.Message));
            }
        }
        if (approved > 0) await db.SaveChangesAsync(ct);
        return new BulkApproval(approved, left);
    }

    // ---- Files ----

    /// <summary>A document for download: the organizer and the filing unit's own users, nobody else.</summary>
    public async Task<(string FileName, string StorageKey)> OpenDocumentAsync(Actor actor, int documentId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var document = AccessPolicy.Found(await db.FilingDocuments.Where(d => d.Id == documentId)
            .Join(db.Filings, d => d.FilingId, f => f.Id, (d, f) => new { d.FileName, d.StorageKey, f.SponsorUnitId })
            .SingleOrDefaultAsync(ct));
        AccessPolicy.Demand(AccessPolicy.CanSeeFiling(actor, document.SponsorUnitId));
        return (document.FileName, AccessPolicy.Found(document.StorageKey));
    }

    private async Task ChangeAsync(Actor actor, int filingId, Func<Actor, int, bool> may, Action<Filing> change, CancellationToken ct)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var filing = AccessPolicy.Found(await db.Filings.SingleOrDefaultAsync(f => f.Id == filingId, ct));
        // The unit is read from the filing as stored now, not from anything the page had.
        AccessPolicy.Demand(may(actor, filing.SponsorUnitId));
        change(filing);
        await db.SaveChangesAsync(ct);
    }
}
