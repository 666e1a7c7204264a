using System.Security.Claims;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

public static class PortalUser
{
    /// <summary>The acting person, from the signed-in principal: name, roles and the unit or institution they act for.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(user.Identity.Name)) return Actor.Anonymous;
        var roles = Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal);
        return new Actor(user.Identity.Name, roles, user.InstitutionOf(), user.SponsorUnitOf(), user.NameOf());
    }

    /// <summary>The acting person of a component, read from the authentication state at the moment of the call.</summary>
    public static async Task<Actor> ActorAsync(this Task<AuthenticationState> authentication) => (await authentication).User.ToActor();

    /// <summary>A context whose audit entries name <paramref name="actor"/>: one per operation, disposed by the caller.</summary>
    public static async Task<BidPortalDbContext> CreateForAsync(this IDbContextFactory<BidPortalDbContext> contexts, Actor actor,
        CancellationToken ct = default)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        db.Actor = actor.UserName;
        return db;
    }

    /// <summary>A context whose audit entries name the signed-in user.</summary>
    public static async Task<BidPortalDbContext> CreateForAsync(this IDbContextFactory<BidPortalDbContext> contexts, Task<AuthenticationState> authentication) =>
        await contexts.CreateForAsync(await authentication.ActorAsync());
}
