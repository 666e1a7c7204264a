
namespace BidPortal.Domain.Proposals;

public enum ProposalStatus
{
    Submitted,
    Withdrawn,
    /// <summary>The deadline moved after a material answer: the owner must confirm the bid again.</summary>
    NeedsReconfirmation,
    Valid,
    Invalid,
}
