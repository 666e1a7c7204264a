namespace BidPortal.Domain.Evaluation;

/// <summary>An expert on a project's panel.</summary>
public sealed class PanelMember
{
    private readonly List<ConflictDeclaration> _conflicts = [];

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public string UserId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IReadOnlyCollection<ConflictDeclaration> Conflicts => _conflicts;

    private PanelMember() { }

    internal PanelMember(string userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    public bool IsConflicted(int proposalId) => _conflicts.Any(c => c.ProposalId == proposalId);

    /// <summary>A conflicted evaluator cannot open or score that proposal and leaves its average.</summary>
    public void DeclareConflict(int proposalId, string reason, TimeProvider clock, bool alreadyScored)
    {
        if (alreadyScored) throw new DomainException("Conflict.AfterScoring");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Conflict.ReasonRequired");
        if (IsConflicted(proposalId)) return;
        _conflicts.Add(new ConflictDeclaration(proposalId, reason.Trim(), clock.GetUtcNow()));
    }
}
