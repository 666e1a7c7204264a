using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Account;

/// <summary>
/// Signing in: the password check with lock-out, its audit entry (a failed one under the name as
/// typed), and the demo accounts the sign-in page lists. Scoped: Identity's sign-in manager writes
/// the cookie of the current request.
/// </summary>
public sealed class SignIns(SignInManager<AppUser> signIn, UserManager<AppUser> users, IDbContextFactory<BidPortalDbContext> contexts,
    IOptions<PortalOptions> options)
{
    /// <summary>
    /// A wrong password, an unknown name, a locked account and a demo account on a portal without the demo
    /// all give <see cref="Outcome.Failed"/>: the page says the same thing, so it tells no one which names exist.
    /// </summary>
    public enum Outcome { SignedIn, Failed }

    /// <summary>The domain of the addresses the demo seeder gives its accounts.</summary>
    public const string DemoMailDomain = "@bidportal.demo";

    /// <summary>The result, and the language the user chose last time (for the culture cookie).</summary>
    private static readonly AppUser TimingDecoy = new() { UserName = "timing-decoy" };
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(TimingDecoy, Guid.NewGuid().ToString()));

    public async Task<(Outcome Outcome, string? PreferredCulture)> SignInAsync(string login, string password)
    {
        var name = login.Trim();
        var user = await users.FindByNameAsync(name);
        if (!options.Value.SeedDemo && user is not null && IsDemoAccount(user))
        {
            // The demo is off: its well-known passwords must not open this portal, whatever an earlier start loaded.
            await contexts.RecordSignInAsync(name, SignInResult.NotAllowed, user.Id);
            return (Outcome.Failed, null);
        }
        if (user is null)
        {
            // An unknown name costs the same password hashing as a known one, so the time taken does
            // not tell a stranger which names exist.
            users.PasswordHasher.VerifyHashedPassword(TimingDecoy, DecoyHash.Value, password);
        }
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        await contexts.RecordSignInAsync(name, result, user?.Id);
        return result.Succeeded ? (Outcome.SignedIn, user?.PreferredCulture) : (Outcome.Failed, null);
    }

    /// <summary>Demo passwords are shown only on a portal that holds the demo campaign.</summary>
    public async Task<IReadOnlyList<AccountSeed>> DemoAccountsAsync()
    {
        if (!options.Value.SeedDemo) return [];
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Campaigns.AnyAsync(c => c.IsIllustrative)
            ? SeedFiles.Accounts(options.Value.SeedFolder ?? DemoSeeder.DefaultFolder)
            : [];
    }

    /// <summary>An account the demo seeder made: listed in accounts.json, or carrying the demo mail domain.</summary>
    private bool IsDemoAccount(AppUser user) =>
        (user.Email?.EndsWith(DemoMailDomain, StringComparison.OrdinalIgnoreCase) ?? false)
        || KnownDemoLogins.GetOrAdd(options.Value.SeedFolder ?? DemoSeeder.DefaultFolder, DemoLogins).Contains(user.UserName ?? "");

    // Read once per folder: the seed file does not change while the portal runs, and sign-in is a hot path.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> KnownDemoLogins = new();

    private static HashSet<string> DemoLogins(string folder)
    {
        try
        {
            return SeedFiles.Accounts(folder).Select(a => a.Login).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            // No seed files beside the app: the mail domain still marks the demo accounts.
            return new HashSet<string>();
        }
    }
}
