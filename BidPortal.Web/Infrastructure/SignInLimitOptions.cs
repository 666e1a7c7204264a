namespace BidPortal.Web.Infrastructure;

/// <summary>Settings under "SignIn": how many sign-in attempts are taken per window, before the lock-out.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Attempts from one client address per window.</summary>
    public int PermitsPerClient { get; set; } = 20;
    /// <summary>Attempts at one account name per window, whoever makes them: guessing is slow long before the lock-out.</summary>
    public int PermitsPerAccount { get; set; } = 5;
    /// <summary>The sliding window both limits count in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
