
namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ContactSeed(string Name, string Email, string? Phone);
