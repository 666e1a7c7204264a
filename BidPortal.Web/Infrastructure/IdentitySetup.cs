using System.Security.Claims;
using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure;

public static class IdentitySetup
{
    public static WebApplicationBuilder AddBidPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        // Cookies are checked against the account as often as open circuits are (sign-out elsewhere, roles, lock-out).
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<PortalOptions>>((o, portal) => o.ValidationInterval = portal.Value.RevalidationInterval);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = Web.Routes.Login;
            o.LogoutPath = Web.Routes.Logout;
            o.AccessDeniedPath = Web.Routes.AccessDenied;
            o.Cookie.Name = "bidportal.auth";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddIdentityCore<AppUser>(o =>
            {
                // The 10th wrong password in a row locks the account for a quarter of an hour. The per-account rate
                // limit (SignInLimits, 5 attempts per 5 minutes) slows guessing first, and makes locking someone out take time.
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BidPortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders();
        // Every page needs a signed-in user unless it says [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // Keys in the database, encrypted: cookies and links stay valid across nodes and restarts.
        return builder.AddBidPortalDataProtection();
    }
}

/// <summary>Puts the user's institution, unit and name into the cookie, so each check needs no query.</summary>
public sealed class PortalClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.InstitutionId is { } institution) identity.AddClaim(new Claim(PortalClaims.InstitutionId, $"{institution}"));
        if (user.SponsorUnitId is { } unit) identity.AddClaim(new Claim(PortalClaims.SponsorUnitId, $"{unit}"));
        return identity;
    }
}

public static class PortalClaims
{
    public const string DisplayName = "bidportal:name";
    public const string InstitutionId = "bidportal:institution";
    public const string SponsorUnitId = "bidportal:unit";

    public static int? InstitutionOf(this ClaimsPrincipal user) => Int(user, InstitutionId);
    public static int? SponsorUnitOf(this ClaimsPrincipal user) => Int(user, SponsorUnitId);
    public static string NameOf(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>Where a person lands after signing in: the first of their roles, in workflow order.</summary>
    public static string HomeOf(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Organizer) ? Web.Routes.Dashboard
        : user.IsInRole(Roles.Sponsor) ? Web.Routes.SponsorHome
        : user.IsInRole(Roles.Institution) && user.InstitutionOf() is { } id ? Web.Routes.InstitutionHome(id)
        : user.IsInRole(Roles.Evaluator) ? Web.Routes.EvaluatorHome
        : Web.Routes.AccessDenied;

    private static int? Int(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), out var value) ? value : null;
}
