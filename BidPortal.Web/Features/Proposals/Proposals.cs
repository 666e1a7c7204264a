using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// Step 5, the institution's side: upload (sealed on the way in), replace, withdraw, reconfirm, and its
/// own receipts and downloads. The server clock decides the deadline at the moment of the write, and the
/// access policy decides who may see a sealed proposal — before the opening, its owner alone.
/// </summary>
public sealed class Proposals(IDbContextFactory<BidPortalDbContext> contexts, ProposalVault vault, TimeProvider clock,
    IOptions<PortalOptions> portal, ReceiptMail mail)
{
    /// <summary>What an institution may upload as its proposal; the bytes must agree.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".pdf", ".docx"];

    public long MaxBytes => portal.Value.ProposalMaxBytes;

    /// <summary>The institution's own bid on the project, with every version's receipt.</summary>
    public async Task<ProposalDesk> DeskAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (project, invitation) = await InvitedAsync(db, actor, projectId, ct);
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Versions)
            .SingleOrDefaultAsync(p => p.TenderProjectId == projectId && p.InstitutionId == invitation.InstitutionId && p.Round == project.Round, ct);
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == invitation.InstitutionId).Select(i => i.Name).SingleAsync(ct);
        var versions = proposal?.Versions.OrderByDescending(v => v.Number).Select(v => Receipt(v, project, institution)).ToList() ?? [];
        var current = proposal?.Current is { } c ? new ProposalFields(c.Price, c.Days, c.Trainees, c.Faculty, c.CourseOutline) : null;
        return new ProposalDesk(project.Id, project.Code, project.Deadline, project.AcceptsProposals(clock.GetUtcNow()) && invitation.IsActive,
            invitation.Status == InvitationStatus.Declined, MaxBytes, proposal?.Status, current, versions);
    }

    /// <summary>
    /// Seals the document as it streams in, checks what its bytes are, and records it — a first bid or
    /// a replacement (a new version) — only once the file is fully written and synced. Any refusal
    /// leaves no file and no record.
    /// </summary>
    public async Task<ProposalReceipt> SubmitAsync(Actor actor, int projectId, ProposalFields fields, string? fileName, Stream content,
        CancellationToken ct = default)
    {
        var name = await PrecheckAsync(actor, projectId, fields, fileName, ct);
        // An institution may send a few files at once (a slow one and a correction), not a flood that fills the disk.
        var institutionId = actor.InstitutionId!.Value;
        if (_inFlight.AddOrUpdate(institutionId, 1, (_, n) => n + 1) > MaxInFlight)
        {
            _inFlight.AddOrUpdate(institutionId, 0, (_, n) => n - 1);
            throw new DomainException("Proposal.Busy", MaxInFlight);
        }
        try
        {
            return await SealAndRecordAsync(actor, projectId, fields, name, content, ct);
        }
        finally
        {
            _inFlight.AddOrUpdate(institutionId, 0, (_, n) => n - 1);
        }
    }

    /// <summary>Uploads one institution may have running at once on this node.</summary>
    public const int MaxInFlight = 3;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _inFlight = new();

    private async Task<ProposalReceipt> SealAndRecordAsync(Actor actor, int projectId, ProposalFields fields, string name, Stream content,
        CancellationToken ct)
    {

        await using var pending = await vault.SealAsync(content, MaxBytes, ct);
        if (pending.File.Size == 0) throw new DomainException("File.Empty", name);
        await using (var plaintext = pending.OpenRead())
        {
            // FileTypes speaks of Excel too; a proposal is a PDF or a Word file, and the message says so.
            DocumentFileKind kind;
            try
            {
                kind = FileTypes.Detect(plaintext, name);
            }
            catch (DomainException e) when (e.Key == "Upload.NotWhatItSays")
            {
                throw new DomainException("Proposal.NotPdfOrDocx", name);
            }
            if (kind is not (DocumentFileKind.Pdf or DocumentFileKind.Docx) || kind != FileTypes.KindOfName(name))
                throw new DomainException("Proposal.NotPdfOrDocx", name);
        }

        pending.Commit();
        try
        {
            // Two uploads by one institution may finish together: the one that loses the save tries again
            // from what is stored now, and becomes the next version. Every attempt checks the deadline anew.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RecordAsync(actor, projectId, fields, name, pending.File);
                }
                catch (DomainException e) when (e.Key is "Save.Conflict" or "Save.Duplicate" && attempt < MaxAttempts)
                {
                }
            }
        }
        catch
        {
            // Not recorded, so not kept: a file no proposal names would be an orphan.
            vault.Delete(pending.File.StorageKey);
            throw;
        }
    }

    private const int MaxAttempts = 5;

    /// <summary>The write: everything reloaded and checked again now, when the last byte is in; one save.</summary>
    private async Task<ProposalReceipt> RecordAsync(Actor actor, int projectId, ProposalFields fields, string name, SealedFile sealedFile)
    {
        await using var write = await contexts.CreateForAsync(actor, CancellationToken.None);
        var (current, active) = await InvitedAsync(write, actor, projectId, CancellationToken.None);
        RequireMayBid(current, active);
        var proposal = await write.Proposals.Include(p => p.Versions)
            .SingleOrDefaultAsync(p => p.TenderProjectId == projectId && p.InstitutionId == active.InstitutionId && p.Round == current.Round,
                CancellationToken.None);
        var institution = await write.Institutions.SingleAsync(i => i.Id == active.InstitutionId, CancellationToken.None);
        var campaignYear = await write.Campaigns.Where(c => c.Id == current.CampaignId).Select(c => c.Year).SingleAsync(CancellationToken.None);
        var upload = Upload(fields, name, sealedFile.Size, sealedFile.Sha256, sealedFile.StorageKey, sealedFile.WrappedKey);
        var prefix = ReceiptPrefix(campaignYear, current, institution.Code);
        ProposalVersion version;
        if (proposal is null)
        {
            proposal = Proposal.Submit(current, active, upload, prefix, clock);
            write.Proposals.Add(proposal);
            version = proposal.Current;
        }
        else
        {
            version = proposal.Replace(current, upload, prefix, clock);
        }
        // A bid says the invitation arrived: nobody should be chased for an acknowledgement after bidding.
        if (active.Status is InvitationStatus.Sent or InvitationStatus.Delivered) active.Acknowledge(AcknowledgedVia.Portal, clock);
        // In this attempt's context: a lost save race discards it with the version, and the next attempt queues its own.
        await mail.QueueReceiptAsync(write, current, proposal, version);
        await write.SaveChangesAsync(CancellationToken.None);
        return Receipt(version, current, institution.Name);
    }

    /// <summary>
    /// The cheap refusals, before a 100 MB body is read: the name, the fields, the invitation, the deadline.
    /// The page asks first, so a mistyped price is reported at once rather than after the upload; the
    /// upload asks again. Returns the name as it will be recorded.
    /// </summary>
    public async Task<string> PrecheckAsync(Actor actor, int projectId, ProposalFields fields, string? fileName, CancellationToken ct = default)
    {
        var name = UploadNames.Check(fileName, Extensions);
        Proposal.Check(Upload(fields, name, size: 1, sha256: "", storageKey: null, wrappedKey: null));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (project, invitation) = await InvitedAsync(db, actor, projectId, ct);
        RequireMayBid(project, invitation);
        Proposal.RequireWithinCeiling(project, fields.Price);
        return name;
    }

    /// <summary>Withdraws the bid before the deadline; its versions stay on record.</summary>
    public async Task WithdrawAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var (project, proposal) = await OwnProposalAsync(db, actor, projectId, ct);
        proposal.Withdraw(project, clock);
        await mail.QueueWithdrawnAsync(db, project, proposal);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After a material extension: the bid stands as it is.</summary>
    public async Task ReconfirmAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateForAsync(actor, ct);
        var (project, proposal) = await OwnProposalAsync(db, actor, projectId, ct);
        proposal.Reconfirm(project, clock);
        await mail.QueueReconfirmedAsync(db, project, proposal);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The receipt of one version, for whoever may see the proposal (its owner before the opening).</summary>
    public async Task<ProposalReceipt> ReceiptAsync(Actor actor, int versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (version, _, project, institution) = await VisibleVersionAsync(db, actor, versionId, ct);
        return Receipt(version, project, institution);
    }

    /// <summary>A version's document, decrypted as it is read, for whoever the access policy lets see the proposal.</summary>
    public async Task<ProposalDownload> OpenDocumentAsync(Actor actor, int versionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (version, proposal, fileName) = actor.IsEvaluator
            ? await EvaluatedVersionAsync(db, actor, versionId, ct)
            : await OwnOrOpenedVersionAsync(db, actor, versionId, ct);
        if (version.StorageKey is null || version.WrappedKey is null) throw new DomainException(AccessPolicy.NotFoundKey);
        // A file flagged at the opening is not handed out as if it were the bid.
        if (proposal is { Status: ProposalStatus.Invalid, InvalidReason: "hash" } && proposal.Current.Id == version.Id)
            throw new DomainException("Proposal.FileFailedCheck");
        var kind = FileTypes.KindOfName(version.FileName) ?? DocumentFileKind.Pdf;
        return new ProposalDownload(vault.OpenRead(version.StorageKey, version.WrappedKey), fileName, FileTypes.ContentType(kind));
    }

    /// <summary>Before the opening the organizer learns only how many bids are in and when each arrived.</summary>
    public async Task<ProposalArrivals> ArrivalsAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var times = await db.Proposals.AsNoTracking()
            .Where(p => p.TenderProjectId == projectId && p.Round == project.Round && p.Status != ProposalStatus.Withdrawn)
            .Select(p => p.Versions.Max(v => v.ReceivedAt))
            .ToListAsync(ct);
        return new ProposalArrivals(times.Count, [.. times.Order()]);
    }

    private static ProposalUpload Upload(ProposalFields fields, string name, long size, string sha256, string? storageKey, string? wrappedKey) =>
        new(name, size, sha256, storageKey, fields.Price, fields.Days, fields.Faculty?.Trim() ?? "", fields.CourseOutline?.Trim() ?? "",
            fields.Trainees, wrappedKey);

    /// <summary>"TB2026-C-02-PKU", with the round after a re-tender; the version number follows it.</summary>
    private static string ReceiptPrefix(int year, TenderProject project, string institutionCode) =>
        $"TB{year}-{project.Code}-{institutionCode}" + (project.Round > 1 ? $"-R{project.Round}" : "");

    private void RequireMayBid(TenderProject project, Invitation invitation)
    {
        if (invitation.Status == InvitationStatus.Declined) throw new DomainException("Proposal.Declined");
        if (!invitation.IsActive) throw new DomainException("Proposal.NotInvited");
        var now = clock.GetUtcNow();
        if (!project.AcceptsProposals(now))
            throw project.Deadline is { } deadline && project.Status == ProjectStatus.Open
                ? new DomainException("Proposal.AfterDeadline", deadline)
                : new DomainException("Proposal.NotOpen");
    }

    /// <summary>The project and the acting institution's own invitation on it, which must have gone out.</summary>
    private static async Task<(TenderProject Project, Invitation Invitation)> InvitedAsync(BidPortalDbContext db, Actor actor, int projectId,
        CancellationToken ct)
    {
        AccessPolicy.Demand(actor.IsInstitution);
        var project = AccessPolicy.Found(await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId, ct));
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == actor.InstitutionId, ct);
        AccessPolicy.Demand(invitation is not null && AccessPolicy.CanRespondToInvitation(actor, invitation));
        return (project, invitation!);
    }

    private static async Task<(TenderProject Project, Proposal Proposal)> OwnProposalAsync(BidPortalDbContext db, Actor actor, int projectId,
        CancellationToken ct)
    {
        var (project, invitation) = await InvitedAsync(db, actor, projectId, ct);
        var proposal = AccessPolicy.Found(await db.Proposals.Include(p => p.Versions)
            .SingleOrDefaultAsync(p => p.TenderProjectId == projectId && p.InstitutionId == invitation.InstitutionId && p.Round == project.Round, ct));
        return (project, proposal);
    }

    private static async Task<(ProposalVersion Version, Proposal Proposal, TenderProject Project, string Institution)> VisibleVersionAsync(
        BidPortalDbContext db, Actor actor, int versionId, CancellationToken ct)
    {
        var version = AccessPolicy.Found(await db.ProposalVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct));
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == version.ProposalId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == proposal.TenderProjectId, ct);
        // Not "forbidden" but "none": whether a version number exists says that someone bid.
        if (!AccessPolicy.CanSeeProposal(actor, proposal, project)) throw new DomainException(AccessPolicy.NotFoundKey);
        var institution = await db.Institutions.AsNoTracking().Where(i => i.Id == proposal.InstitutionId).Select(i => i.Name).SingleAsync(ct);
        return (version, proposal, project, institution);
    }

    /// <summary>
    /// An evaluator reads the current version of a proposal it may evaluate (<see cref="AccessPolicy.CanEvaluateProposal"/>);
    /// anything else is "none". In blind mode the file goes out as "方案A.pdf", not under the name the institution gave it.
    /// </summary>
    private static async Task<(ProposalVersion Version, Proposal Proposal, string FileName)> OwnOrOpenedVersionAsync(
        BidPortalDbContext db, Actor actor, int versionId, CancellationToken ct)
    {
        var (version, proposal, _, _) = await VisibleVersionAsync(db, actor, versionId, ct);
        return (version, proposal, version.FileName);
    }

    private static async Task<(ProposalVersion Version, Proposal Proposal, string FileName)> EvaluatedVersionAsync(
        BidPortalDbContext db, Actor actor, int versionId, CancellationToken ct)
    {
        var version = AccessPolicy.Found(await db.ProposalVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct));
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == version.ProposalId, ct);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == proposal.TenderProjectId, ct);
        var seat = await Evaluation.PanelSeats.FindAsync(db, actor, project.Id, ct: ct);
        if (!AccessPolicy.CanEvaluateProposal(actor, project, seat, proposal) || proposal.Current.Id != version.Id)
            throw new DomainException(AccessPolicy.NotFoundKey);
        if (!project.BlindEvaluation) return (version, proposal, version.FileName);
        var ids = await db.Proposals.AsNoTracking()
            .Where(p => p.TenderProjectId == project.Id && p.Round == project.Round && p.Status == ProposalStatus.Valid)
            .Select(p => p.Id).ToListAsync(ct);
        var label = BlindLabels.For(ids)[proposal.Id];
        var extension = Path.GetExtension(version.FileName);
        return (version, proposal, LocalizationSetup.Catalog.Format("Blind.FileName", Language.Reader, label) + extension);
    }

    private static ProposalReceipt Receipt(ProposalVersion v, TenderProject project, string institution) =>
        new(v.Id, v.Number, v.ReceiptNumber, v.ReceivedAt, v.Size, v.Sha256, v.FileName, v.Price, v.Days, v.Trainees,
            project.Id, project.Code, project.TitleIn(Language.Reader), institution);
}
