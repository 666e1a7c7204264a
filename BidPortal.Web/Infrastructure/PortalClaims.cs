using System.Security.Claims;
using BidPortal.Domain.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;

namespace BidPortal.Web.Infrastructure;

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
