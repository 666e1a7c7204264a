using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Pdf;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// Step 6, the opening (开标): after the deadline the organizer opens a project; each sealed bid is
/// decrypted and its hash checked against its receipt — a mismatch is flagged, never accepted — and
/// too few valid bids make the tender unsuccessful (流标), to be re-tendered or cancelled. The opening
/// record is public to the bidders, on screen and as a PDF.
/// </summary>
public sealed class Openings(IDbContextFactory<BidPortalDbContext> contexts, ProposalVault vault, TimeProvider clock,
    IStringLocalizer<Openings> text)
{
    /// <summary>The audit action an opening writes; the record reads who opened from it.</summary>
    public const string OpenedAction = "Project.Opened";

    /// <summary>
    /// Opens the project's sealed bids. The files are hashed first, outside any write (100 MB each takes
    /// seconds); then the project is reloaded, its status checked again, and every bid of the round is
    /// marked valid or flagged with the project's new status in one save.
    /// </summary>
    public async Task<OpeningResult> OpenAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunOpening(actor));
        var matches = new Dictionary<int, bool>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
            RequireAwaitsOpening(project);
            var versions = await db.Proposals.AsNoTracking()
                .Where(p => p.TenderProjectId == projectId && p.Round == project.Round && p.Status != ProposalStatus.Withdrawn)
                .Include(p => p.Versions).ToListAsync(ct);
            foreach (var current in versions.Select(p => p.Current))
            {
                // A bid with no sealed file or key cannot be checked, so it is not accepted either.
                matches[current.Id] = current is { StorageKey: { } key, WrappedKey: { } wrapped }
                    && await vault.MatchesAsync(key, wrapped, current.Sha256, ct);
            }
        }

        await using var write = await contexts.CreateForAsync(actor, ct);
        var reloaded = AccessPolicy.Found(await write.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct));
        AccessPolicy.Demand(AccessPolicy.CanRunOpening(actor));
        RequireAwaitsOpening(reloaded);
        var proposals = await write.Proposals.Include(p => p.Versions)
            .Where(p => p.TenderProjectId == projectId && p.Round == reloaded.Round).ToListAsync(ct);
        foreach (var proposal in proposals.Where(p => p.Status != ProposalStatus.Withdrawn))
            // Keyed by version: a file that was not the one hashed above is not taken on trust.
            proposal.MarkOpened(matches.GetValueOrDefault(proposal.Current.Id));
        var valid = proposals.Count(p => p.Status == ProposalStatus.Valid);
        var flagged = proposals.Count(p => p.Status == ProposalStatus.Invalid);
        reloaded.Open(valid, clock);
        write.AppendAudit(OpenedAction, nameof(TenderProject), $"{projectId}",
            $"round={reloaded.Round}; valid={valid}; flagged={flagged}; minimum={reloaded.MinValidProposals}; status={reloaded.Status}; by={actor.Name}");
        await write.SaveChangesAsync(ct);
        return new OpeningResult(reloaded.Status, valid, flagged, reloaded.MinValidProposals);
    }

    /// <summary>
    /// The opening record of the project's current round: the organizer and every institution that bid on
    /// it, once it is opened; nobody before.
    /// </summary>
    public async Task<OpeningRecord> RecordAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var proposals = await db.Proposals.AsNoTracking().Include(p => p.Versions)
            .Where(p => p.TenderProjectId == projectId && p.Round == project.Round).ToListAsync(ct);
        AccessPolicy.Demand(AccessPolicy.CanSeeOpeningRecord(actor, project, [.. proposals.Select(p => p.InstitutionId)]));

        var culture = Language.Reader;
        var ids = proposals.Select(p => p.InstitutionId).ToList();
        var names = (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            .ToDictionary(i => i.Id, i => i.NameIn(culture));
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == project.CampaignId, ct);
        var rows = proposals
            .Select(p => Row(p, names[p.InstitutionId]))
            .OrderBy(r => r.Outcome == OpeningOutcome.Withdrawn).ThenBy(r => r.ReceivedAt)
            .ToList();
        return new OpeningRecord(project.Id, project.Code, project.TitleIn(culture), campaign.NameIn(culture), project.Round, project.Status,
            project.Deadline, project.OpenedAt, await OpenedByAsync(db, projectId, ct), project.MinValidProposals, project.CancelReason, rows);
    }

    /// <summary>An unsuccessful tender starts a new round: back to draft, its invitations kept, the old bids on record.</summary>
    public async Task RetenderAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunOpening(actor));
        await using var write = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await write.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct));
        project.Rerun();
        await write.SaveChangesAsync(ct);
    }

    /// <summary>An unsuccessful tender is given up, with the reason on record.</summary>
    public async Task CancelAsync(Actor actor, int projectId, string? reason, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunOpening(actor));
        await using var write = await contexts.CreateForAsync(actor, ct);
        var project = AccessPolicy.Found(await write.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct));
        if (project.Status != ProjectStatus.Unsuccessful) throw new DomainException("Project.WrongStatus", project.Status);
        project.Cancel(reason ?? "");
        await write.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The opening record as a PDF, in the reader's language: the project, its deadline and opening (Beijing
    /// time), who opened it, every bid with its hash, the counts and the outcome.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        var record = await RecordAsync(actor, projectId, ct);
        var culture = Language.Reader;
        var title = text["Opening.Pdf.Title"];
        using var pdf = new PdfReport($"{title} · {record.Code}", culture);
        pdf.Title($"{title} · {record.Code} {record.Title}");
        pdf.Fields(
        [
            (text["Opening.Campaign"], record.Campaign),
            (text["Opening.Project"], $"{record.Code} {record.Title}"),
            (text["Opening.Round"], $"{record.Round}"),
            (text["Opening.Deadline"], record.Deadline is { } d ? BeijingTime.Format(d, culture) : "—"),
            (text["Opening.OpenedAt"], record.OpenedAt is { } o ? BeijingTime.Format(o, culture) : "—"),
            (text["Opening.OpenedBy"], record.OpenedBy),
        ]);
        PdfColumn[] columns =
        [
            new(text["Opening.Institution"], 2.3), new(text["Opening.Price"], 1.4, AlignRight: true), new(text["Opening.Received"], 2.1),
            new(text["Opening.Hash"], 2.4), new(text["Opening.Status"], 2.3),
        ];
        pdf.Table(columns, record.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.Institution,
            r.Price is { } price ? MoneyText.Format(price) : "—",
            $"{BeijingTime.Format(r.ReceivedAt, culture)}\n{text["Opening.ReceiptVersion", r.ReceiptNumber, r.Version]}",
            // Four groups of sixteen: the 64 hex digits wrap at their spaces in a narrow column.
            string.Join(' ', r.Sha256.Chunk(16).Select(c => new string(c))),
            r.Reason is null ? text.Enum(r.Outcome) : $"{text.Enum(r.Outcome)}\n{r.Reason}",
        ]));
        pdf.Fields(
        [
            (text["Opening.Counts.Label"], text["Opening.Counts", record.Valid, record.Flagged, record.Withdrawn]),
            (text["Opening.Outcome"], OutcomeText(record)),
        ]);
        pdf.Note(text["Opening.Pdf.Note"]);
        return (pdf.ToBytes(), $"{text["Opening.Pdf.FileName", record.Code]}.pdf");
    }

    public string OutcomeText(OpeningRecord record) => record.IsUnsuccessful
        ? text["Opening.Unsuccessful", record.Valid, record.MinValidProposals]
        : text["Opening.Succeeded", record.Valid, record.MinValidProposals];

    private OpeningRecordRow Row(Proposal proposal, string institution)
    {
        var current = proposal.Current;
        var outcome = proposal.Status switch
        {
            ProposalStatus.Withdrawn => OpeningOutcome.Withdrawn,
            ProposalStatus.Valid => OpeningOutcome.Valid,
            _ => OpeningOutcome.Flagged,
        };
        var reason = outcome == OpeningOutcome.Flagged ? text[$"Opening.Reason.{proposal.InvalidReason ?? "hash"}"].Value : null;
        return new OpeningRecordRow(proposal.InstitutionId, institution, outcome == OpeningOutcome.Withdrawn ? null : current.Price,
            current.ReceivedAt, current.ReceiptNumber, current.Sha256, current.Number, outcome, reason);
    }

    /// <summary>Who opened it, from the audit entry the opening wrote with the change (the person's name, else the account).</summary>
    private static async Task<string> OpenedByAsync(BidPortalDbContext db, int projectId, CancellationToken ct)
    {
        var id = $"{projectId}";
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == OpenedAction && a.EntityType == nameof(TenderProject) && a.EntityId == id)
            .OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(ct);
        if (entry is null) return "—";
        var name = await db.Users.Where(u => u.UserName == entry.Actor).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return string.IsNullOrWhiteSpace(name) ? entry.Actor : name;
    }

    /// <summary>Only a published project past its deadline (by the server clock) opens; anything else says why.</summary>
    private void RequireAwaitsOpening(TenderProject project)
    {
        if (project.IsOpened && project.OpenedAt is { } openedAt) throw new DomainException("Opening.AlreadyOpened", openedAt);
        if (project.Status != ProjectStatus.Open) throw new DomainException("Project.WrongStatus", project.Status);
        if (!project.AwaitsOpening(clock.GetUtcNow())) throw new DomainException("Project.OpenBeforeDeadline", project.Deadline!.Value);
    }
}
