using System.Security.Claims;
using BidPortal.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// An open circuit follows the account: every <see cref="PortalOptions.RevalidationInterval"/> it checks
/// that the user still exists, is not locked out, and still has the security stamp the cookie was issued
/// with. Sign-out, a role change or a lock-out changes the stamp, and the circuit then serves nobody.
/// </summary>
public sealed class PortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<PortalOptions> portal)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // The base class loops on this delay: zero would spin on the database.
    protected override TimeSpan RevalidationInterval =>
        portal.Value.RevalidationInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : portal.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // The circuit's own scope lives for hours; a fresh one reads the account as it is now.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await IsCurrentAsync(users, authenticationState.User, identity.Value);
    }

    public static async Task<bool> IsCurrentAsync(UserManager<AppUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        if (await users.GetUserAsync(principal) is not { } user) return false;
        if (users.SupportsUserLockout && await users.IsLockedOutAsync(user)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
