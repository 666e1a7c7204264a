
namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>A clock the seeder moves to each recorded moment, so entities check their rules as they did then.</summary>
public sealed class SeedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
