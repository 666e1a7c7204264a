using BidPortal.Domain.Audit;
namespace BidPortal.Domain;

/// <summary>The sponsor's pick of an institution from the shortlist.</summary>
public sealed class Award : IAuditable
{
    public const int ReasonMaxLength = 2000;

    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int ProposalId { get; private set; }
    public int InstitutionId { get; private set; }
    public decimal Amount { get; private set; }
    /// <summary>Required when the pick is not the first on the shortlist.</summary>
    public string? Reason { get; private set; }
    public string DecidedBy { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }

    private Award() { }

    internal Award(int projectId, int proposalId, int institutionId, decimal amount, string? reason, string decidedBy, DateTimeOffset at)
    {
        TenderProjectId = projectId;
        ProposalId = proposalId;
        InstitutionId = institutionId;
        Amount = amount;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }
}
