using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;

namespace BidPortal.Web.Features.Invitations;

/// <summary>One project an institution is invited to, with its own proposal's state and last receipt.</summary>
public sealed record InstitutionInvitationRow(int ProjectId, string Code, string Title, DateTimeOffset? Deadline,
    InvitationStatus Invitation, ProposalStatus? Proposal, string? Receipt);
