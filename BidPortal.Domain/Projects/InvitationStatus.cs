
namespace BidPortal.Domain.Projects;

public enum InvitationStatus { Listed, Sent, Delivered, Acknowledged, Declined, Removed }
