using System.Security.Claims;
using BidPortal.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure;

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
