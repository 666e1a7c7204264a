using Microsoft.AspNetCore.DataProtection;

namespace BidPortal.Web.Infrastructure.Invitations;

public enum LinkState { Valid, Tampered, Expired }
