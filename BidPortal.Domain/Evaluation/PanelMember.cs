namespace BidPortal.Domain.Evaluation;

/// <summary>An expert on a project's panel.</summary>
public sealed class PanelMember
{
    public const int ConflictReasonMaxLength = 1000;

    private readonly List<ConflictDeclaration> _conflicts = [];

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public string UserId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    /// <summary>
    /// When the evaluator went through the bidding institutions and declared its conflicts (possibly
    /// none). Until then it sees no proposal of the project.
    /// </summary>
    public DateTimeOffset? DeclaredAt { get; private set; }
    public IReadOnlyCollection<ConflictDeclaration> Conflicts => _conflicts;

    private PanelMember() { }

    internal PanelMember(string userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    public bool HasDeclared => DeclaredAt is not null;

    public bool IsConflicted(int proposalId) => _conflicts.Any(c => c.ProposalId == proposalId);

    /// <summary>
    /// The declaration made before seeing the proposals: a conflict with a reason for each institution
    /// the evaluator has a tie to, none for the rest. A later call adds conflicts; none is ever withdrawn.
    /// </summary>
    public void Declare(IReadOnlyCollection<(int ProposalId, string Reason)> conflicts, IReadOnlySet<int> submittedProposalIds, TimeProvider clock)
    {
        foreach (var (proposalId, reason) in conflicts) Check(reason, submittedProposalIds.Contains(proposalId));
        foreach (var (proposalId, reason) in conflicts)
            if (!IsConflicted(proposalId)) _conflicts.Add(new ConflictDeclaration(proposalId, reason.Trim(), clock.GetUtcNow()));
        DeclaredAt ??= clock.GetUtcNow();
    }

    /// <summary>A conflict found later, on one proposal: it leaves the proposal's average.</summary>
    public void DeclareConflict(int proposalId, string reason, TimeProvider clock, bool alreadyScored) =>
        Declare([(proposalId, reason)], alreadyScored ? new HashSet<int> { proposalId } : new HashSet<int>(), clock);

    private static void Check(string reason, bool alreadySubmitted)
    {
        if (alreadySubmitted) throw new DomainException("Conflict.AfterScoring");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Conflict.ReasonRequired");
        Bounds.Length("Conflict", reason, ConflictReasonMaxLength, TextField.Reason);
    }
}
