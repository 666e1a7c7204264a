using BidPortal.Domain.Projects;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Invitations;

public enum InvitationMailKind { Invitation, Chase, Extension, Answer }
