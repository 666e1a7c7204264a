
namespace BidPortal.Domain.Projects;

public enum AcknowledgedVia { Portal, EmailLink, Phone }
