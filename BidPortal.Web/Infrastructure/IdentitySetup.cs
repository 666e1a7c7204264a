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
