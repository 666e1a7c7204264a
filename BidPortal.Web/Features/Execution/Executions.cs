using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Features.Execution;

/// <summary>
/// Step 10: each awarded project followed to its completion report — the dates held, trainees and actual
/// cost against the budget and the contract, then the written report due <c>ReportDueDays</c> (15) after the
/// course ends. The organizer sees the campaign's list; the organizer and the lead sponsor record and report.
/// Every write reloads the project and its record and asks the access policy at that moment.
/// </summary>
public sealed class Executions(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, IFileStore files,
    IStringLocalizer<Executions> text)
{
    /// <summary>The completion report: a PDF or a Word document of at most this size.</summary>
    public const long MaxReportBytes = 20L * 1024 * 1024;
    public static readonly IReadOnlyList<string> ReportExtensions = [".pdf", ".docx"];

    // ---- Reads ----

    /// <summary>Every awarded or completed project of the campaign, with its stage today: the organizer only.</summary>
    public async Task<CampaignExecutionView> CampaignAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanExportCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        var culture = Language.Reader;
        var today = campaign.LocalDate(clock.GetUtcNow());
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.CampaignId == campaignId && (p.Status == ProjectStatus.Awarded || p.Status == ProjectStatus.Completed))
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var records = await db.ExecutionRecords.AsNoTracking().Include(r => r.Award)
            .Where(r => ids.Contains(r.TenderProjectId)).ToDictionaryAsync(r => r.TenderProjectId, ct);
        var institutionIds = records.Values.Select(r => r.Award!.InstitutionId).Distinct().ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var rows = projects.Where(p => records.ContainsKey(p.Id)).OrderBy(p => p.Code, StringComparer.Ordinal).Select(p =>
        {
            var record = records[p.Id];
            return new ExecutionRow(p.Id, p.Code, p.TitleIn(culture), names[record.Award!.InstitutionId], p.BudgetCeiling,
                record.Award.Amount, record.ActualCost, record.CostVariance, record.HeldStart, record.HeldEnd, record.Trainees,
                record.ReportDue(campaign), record.StageOn(campaign, today), record.ReportLate);
        }).ToList();
        return new CampaignExecutionView(campaign.Id, campaign.NameIn(culture), rows);
    }

    /// <summary>One awarded project's execution: the organizer and the project's lead sponsor.</summary>
    public async Task<ProjectExecutionView> ProjectAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanSeeExecution(actor, project));
        var record = AccessPolicy.Found(await db.ExecutionRecords.AsNoTracking().Include(r => r.Award)
            .SingleOrDefaultAsync(r => r.TenderProjectId == projectId, ct));
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == project.CampaignId, ct);
        var culture = Language.Reader;
        var today = campaign.LocalDate(clock.GetUtcNow());
        var winner = await db.Institutions.AsNoTracking().Where(i => i.Id == record.Award!.InstitutionId).SingleAsync(ct);
        var canRecord = AccessPolicy.CanRecordExecution(actor, project) && record.Status != ExecutionStatus.Completed;
        return new ProjectExecutionView(project.Id, project.CampaignId, project.Code, project.TitleIn(culture), winner.NameIn(culture),
            project.BudgetCeiling, record.Award!.Amount, record.HeldStart, record.HeldEnd, record.Trainees, record.ActualCost,
            record.CostVariance, record.Note, record.RecordedAt, record.ReportDue(campaign), campaign.ReportDueDays,
            record.StageOn(campaign, today), record.ReportSubmittedAt, record.ReportLate, record.ReportFileName, canRecord,
            canRecord && record.Status == ExecutionStatus.Held && today >= record.HeldEnd, actor.IsOrganizer);
    }

    /// <summary>The stored report's name and key; anyone but the organizer and the lead sponsor finds nothing.</summary>
    public async Task<(string FileName, string Key)> OpenReportAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        if (!AccessPolicy.CanSeeExecution(actor, project)) throw new DomainException(AccessPolicy.NotFoundKey);
        var record = await db.ExecutionRecords.AsNoTracking().SingleOrDefaultAsync(r => r.TenderProjectId == projectId, ct);
        if (record?.ReportFileKey is not { } key || record.ReportFileName is not { } name) throw new DomainException(AccessPolicy.NotFoundKey);
        return (name, key);
    }

    // ---- Exports ----

    public async Task<ExportFile> CampaignCsvAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        var table = Table(await CampaignAsync(actor, campaignId, ct));
        return new ExportFile($"{text["ExecutionUi.FileName", campaignId]}.csv", ExportTable.CsvType, table.ToCsv());
    }

    public async Task<ExportFile> CampaignXlsxAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        var table = Table(await CampaignAsync(actor, campaignId, ct));
        return new ExportFile($"{text["ExecutionUi.FileName", campaignId]}.xlsx", ExportTable.XlsxType, table.ToXlsx());
    }

    /// <summary>The page's list as it reads: the same rows, stages in words, dates as the page says them.</summary>
    private ExportTable Table(CampaignExecutionView view)
    {
        string[] headers =
        [
            text["ExecutionUi.Code"], text["ExecutionUi.Project"], text["ExecutionUi.Winner"], text["ExecutionUi.Stage"],
            text["ExecutionUi.Budget"], text["ExecutionUi.Contracted"], text["ExecutionUi.ActualCost"], text["ExecutionUi.Variance"],
            text["ExecutionUi.HeldStart"], text["ExecutionUi.HeldEnd"], text["ExecutionUi.Trainees"], text["ExecutionUi.ReportDue"],
        ];
        var rows = view.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Code, r.Title, r.Winner, StageText(r.Stage), r.Budget, r.Contracted, r.ActualCost, r.Variance,
            r.HeldStart is { } s ? Dates.Format(s) : null, r.HeldEnd is { } e ? Dates.Format(e) : null, r.Trainees,
            r.ReportDue is { } d ? Dates.Format(d) : null,
        ]).ToList();
        return new ExportTable(text["Execution.CampaignTitle"], headers, rows);
    }

    /// <summary>A stage in words, in the reader's language.</summary>
    public string StageText(ExecutionStage stage) => text[$"ExecutionStage.{stage}"];

    // ---- Writes ----

    /// <summary>The course as held (correctable until the report is in): the organizer or the lead sponsor.</summary>
    public async Task RecordHeldAsync(Actor actor, int projectId, ExecutionInput input, CancellationToken ct = default)
    {
        if (input.Start is not { } start || input.End is not { } end) throw new DomainException("Execution.DatesRequired");
        if (input.Trainees is not { } trainees) throw new DomainException("Execution.TraineesRequired");
        if (input.ActualCost is not { } cost) throw new DomainException("Execution.CostRequired");
        await using var db = await contexts.CreateForAsync(actor, ct);
        var (_, record, campaign) = await LoadForWriteAsync(db, actor, projectId, ct);
        record.RecordHeld(start, end, trainees, cost, campaign.LocalDate(clock.GetUtcNow()), input.Note, actor.UserName, clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The completion report: checked (PDF or Word, the bytes agree with the name, within the size) before
    /// anything is stored; the record takes it (refused before the last day held, late after the window) and
    /// the project completes, in one save. A refused or failed save leaves no file behind.
    /// </summary>
    public async Task SubmitReportAsync(Actor actor, int projectId, Stream content, string fileName, long length, CancellationToken ct = default)
    {
        var name = UploadNames.Check(Path.GetFileName(fileName ?? ""), ReportExtensions);
        if (length > MaxReportBytes) throw new DomainException("Upload.TooLarge", name, MaxReportBytes / 1024 / 1024);
        await using var db = await contexts.CreateForAsync(actor, ct);
        var (project, record, campaign) = await LoadForWriteAsync(db, actor, projectId, ct);
        if (record.Status != ExecutionStatus.Held) throw new DomainException("Execution.NotHeld");
        if (campaign.LocalDate(clock.GetUtcNow()) < record.HeldEnd) throw new DomainException("Execution.ReportBeforeEnd");
        var (_, checkedContent) = await FileTypes.CheckAsync(content, name, MaxReportBytes, ct);
        await using var _ = checkedContent;
        var stored = await files.SaveAsync(checkedContent, $"execution/{project.Id}", ct);
        try
        {
            record.SubmitReport(campaign, clock, stored.Key, name, actor.UserName);
            project.Complete(record);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }
    }

    private static async Task<(TenderProject Project, ExecutionRecord Record, Campaign Campaign)> LoadForWriteAsync(BidPortalDbContext db,
        Actor actor, int projectId, CancellationToken ct)
    {
        var project = AccessPolicy.Found(await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct));
        if (!AccessPolicy.CanSeeExecution(actor, project)) AccessPolicy.Demand(false);
        var record = AccessPolicy.Found(await db.ExecutionRecords.Include(r => r.Award).SingleOrDefaultAsync(r => r.TenderProjectId == projectId, ct));
        if (record.Status == ExecutionStatus.Completed || !AccessPolicy.CanRecordExecution(actor, project))
            throw new DomainException("Execution.AlreadyCompleted");
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == project.CampaignId, ct);
        return (project, record, campaign);
    }
}
