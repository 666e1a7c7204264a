
namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ReviewSeed(string Decision, bool SpecialPlan, string At, string? Comment);
