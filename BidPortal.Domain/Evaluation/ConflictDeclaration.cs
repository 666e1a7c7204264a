using BidPortal.Domain.Audit;
namespace BidPortal.Domain.Evaluation;

public sealed class ConflictDeclaration : IAuditable
{
    public int Id { get; private set; }
    public int PanelMemberId { get; private set; }
    public int ProposalId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }

    private ConflictDeclaration() { }

    internal ConflictDeclaration(int proposalId, string reason, DateTimeOffset at)
    {
        ProposalId = proposalId;
        Reason = reason;
        DeclaredAt = at;
    }
}
