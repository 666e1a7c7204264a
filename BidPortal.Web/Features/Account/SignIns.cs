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
    public enum Outcome { SignedIn, LockedOut, Failed }

    /// <summary>The result, and the language the user chose last time (for the culture cookie).</summary>
    public async Task<(Outcome Outcome, string? PreferredCulture)> SignInAsync(string login, string password)
    {
        var name = login.Trim();
        var result = await signIn.PasswordSignInAsync(name, password, isPersistent: false, lockoutOnFailure: true);
        var user = await users.FindByNameAsync(name);
        await contexts.RecordSignInAsync(name, result, user?.Id);
        return result.Succeeded ? (Outcome.SignedIn, user?.PreferredCulture)
            : result.IsLockedOut ? (Outcome.LockedOut, null)
            : (Outcome.Failed, null);
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
}
