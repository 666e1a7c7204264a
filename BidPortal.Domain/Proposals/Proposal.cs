using BidPortal.Domain.Audit;
using BidPortal.Domain.Projects;

namespace BidPortal.Domain.Proposals;

/// <summary>
/// An institution's bid on a project (投标). Sealed until opening: only the owner sees it, and
/// each upload is a new version with its own receipt.
/// </summary>
public sealed class Proposal : IAuditable
{
    private readonly List<ProposalVersion> _versions = [];

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int InstitutionId { get; private set; }
    /// <summary>The tender round the bid belongs to: a project re-tendered after 流标 starts a new round.</summary>
    public int Round { get; private set; } = 1;
    public ProposalStatus Status { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset? ReconfirmedAt { get; private set; }
    public string? InvalidReason { get; private set; }
    public IReadOnlyCollection<ProposalVersion> Versions => _versions;

    /// <summary>Replacements are kept, so they are bounded: a bid that changes more often than this is not a bid.</summary>
    public const int MaxVersions = 20;

    private Proposal() { }

    public static Proposal Submit(TenderProject project, Invitation invitation, ProposalUpload upload, string receiptPrefix, TimeProvider clock)
    {
        if (invitation.TenderProjectId != project.Id || !invitation.IsActive) throw new DomainException("Proposal.NotInvited");
        var proposal = new Proposal
        {
            TenderProjectId = project.Id,
            InstitutionId = invitation.InstitutionId,
            Round = project.Round,
            Status = ProposalStatus.Submitted,
        };
        proposal.AddVersion(project, upload, receiptPrefix, clock);
        return proposal;
    }

    public ProposalVersion Current => _versions.MaxBy(v => v.Number) ?? throw new InvalidOperationException("A proposal has at least one version.");

    /// <summary>A new version before the deadline; the old ones are kept.</summary>
    public ProposalVersion Replace(TenderProject project, ProposalUpload upload, string receiptPrefix, TimeProvider clock)
    {
        if (Status is ProposalStatus.Valid or ProposalStatus.Invalid || Round != project.Round) throw new DomainException("Proposal.AlreadyOpened");
        var version = AddVersion(project, upload, receiptPrefix, clock);
        Status = ProposalStatus.Submitted;
        WithdrawnAt = null;
        return version;
    }

    public void Withdraw(TenderProject project, TimeProvider clock)
    {
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.NeedsReconfirmation))
            throw new DomainException("Proposal.NotWithdrawable", Status);
        RequireBeforeDeadline(project, clock);
        Status = ProposalStatus.Withdrawn;
        WithdrawnAt = clock.GetUtcNow();
    }

    public void RequireReconfirmation()
    {
        if (Status == ProposalStatus.Submitted) Status = ProposalStatus.NeedsReconfirmation;
    }

    public void Reconfirm(TenderProject project, TimeProvider clock)
    {
        if (Status != ProposalStatus.NeedsReconfirmation) throw new DomainException("Proposal.NothingToReconfirm");
        RequireBeforeDeadline(project, clock);
        Status = ProposalStatus.Submitted;
        ReconfirmedAt = clock.GetUtcNow();
    }

    /// <summary>
    /// At opening: a submitted proposal whose file still hashes to its receipt is valid; one not
    /// reconfirmed after an extension, or whose file changed, is not.
    /// </summary>
    public void MarkOpened(bool hashMatchesReceipt)
    {
        switch (Status)
        {
            case ProposalStatus.Submitted when hashMatchesReceipt:
                Status = ProposalStatus.Valid;
                break;
            case ProposalStatus.Submitted:
                Status = ProposalStatus.Invalid;
                InvalidReason = "hash";
                break;
            case ProposalStatus.NeedsReconfirmation:
                Status = ProposalStatus.Invalid;
                InvalidReason = "not-reconfirmed";
                break;
            case ProposalStatus.Withdrawn:
                break;
            default:
                throw new DomainException("Proposal.AlreadyOpened");
        }
    }

    private ProposalVersion AddVersion(TenderProject project, ProposalUpload upload, string receiptPrefix, TimeProvider clock)
    {
        RequireBeforeDeadline(project, clock);
        Check(upload);
        RequireWithinCeiling(project, upload.Price);
        if (_versions.Count >= MaxVersions) throw new DomainException("Proposal.TooManyVersions", MaxVersions);
        var number = _versions.Count + 1;
        var now = clock.GetUtcNow();
        var version = new ProposalVersion(number, $"{receiptPrefix}-{number}", now, upload);
        _versions.Add(version);
        return version;
    }

    /// <summary>Every field of an upload, each refusal naming what is wrong; the service calls it before the bytes arrive too.</summary>
    public static void Check(ProposalUpload upload)
    {
        if (upload.Size <= 0) throw new DomainException("File.Empty", upload.FileName);
        if (upload.Price <= 0) throw new DomainException("Proposal.PricePositive");
        if (upload.Price > ProposalVersion.MaxPrice || decimal.Round(upload.Price, Bounds.MoneyDecimals) != upload.Price)
            throw new DomainException("Proposal.PriceOutOfRange", ProposalVersion.MaxPrice);
        if (upload.Days <= 0) throw new DomainException("Proposal.DaysPositive");
        if (upload.Days > ProposalVersion.MaxDays) throw new DomainException("Proposal.DaysOutOfRange", ProposalVersion.MaxDays);
        if (upload.Trainees is <= 0 or > ProposalVersion.MaxTrainees) throw new DomainException("Proposal.TraineesOutOfRange", ProposalVersion.MaxTrainees);
        if (string.IsNullOrWhiteSpace(upload.Faculty)) throw new DomainException("Field.Required", TextField.Faculty);
        if (string.IsNullOrWhiteSpace(upload.CourseOutline)) throw new DomainException("Field.Required", TextField.CourseOutline);
        Bounds.Length("Proposal", upload.Faculty, ProposalVersion.FacultyMaxLength, TextField.Faculty);
        Bounds.Length("Proposal", upload.CourseOutline, ProposalVersion.OutlineMaxLength, TextField.CourseOutline);
        Bounds.Length("Proposal", upload.FileName, ProposalVersion.FileNameMaxLength, TextField.File);
    }

    /// <summary>The call says no proposal may exceed the project's budget ceiling (最高限价).</summary>
    public static void RequireWithinCeiling(TenderProject project, decimal price)
    {
        if (project.BudgetCeiling > 0 && price > project.BudgetCeiling) throw new DomainException("Proposal.AboveCeiling", project.BudgetCeiling);
    }

    private static void RequireBeforeDeadline(TenderProject project, TimeProvider clock)
    {
        // The server clock decides, and the message names the deadline that was missed.
        if (!project.AcceptsProposals(clock.GetUtcNow()))
            throw project.Deadline is { } deadline
                ? new DomainException("Proposal.AfterDeadline", deadline)
                : new DomainException("Proposal.NotOpen");
    }
}
