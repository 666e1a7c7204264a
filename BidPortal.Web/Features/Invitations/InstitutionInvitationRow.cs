using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;

namespace BidPortal.Web.Features.Invitations;

/// <summary>One project an institution is invited to, with where it stands, its own proposal's state and last receipt.</summary>
public sealed record InstitutionInvitationRow(int ProjectId, int CampaignId, string Code, string Title, DateTimeOffset? Deadline,
    InvitationStatus Invitation, TenderStage Stage, ProposalStatus? Proposal, string? Receipt);
