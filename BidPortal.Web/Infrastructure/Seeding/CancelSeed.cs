
namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record CancelSeed(string Reason);
