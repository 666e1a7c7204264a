using BidPortal.Domain.Projects;

namespace BidPortal.Web.Infrastructure.Invitations;

public enum InvitationMailKind { Invitation, Chase, Extension, Answer }
