using BidPortal.Domain.Proposals;

namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// The institution's own bid on one project, as its project page shows it: whether it may upload now,
/// the deadline, the current status and every version with its receipt (newest first).
/// </summary>
public sealed record ProposalDesk(
    int ProjectId, string ProjectCode, DateTimeOffset? Deadline, bool AcceptsNow, bool Declined, long MaxBytes,
    ProposalStatus? Status, ProposalFields? Current, IReadOnlyList<ProposalReceipt> Versions)
{
    public bool HasProposal => Status is not null;
    public bool MayWithdraw => AcceptsNow && Status is ProposalStatus.Submitted or ProposalStatus.NeedsReconfirmation;
    public bool MayReconfirm => AcceptsNow && Status is ProposalStatus.NeedsReconfirmation;
}
