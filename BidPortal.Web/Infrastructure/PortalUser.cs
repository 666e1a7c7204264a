using BidPortal.Domain.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

public static class PortalUser
{
    /// <summary>A context whose audit entries name the signed-in user.</summary>
    public static async Task<BidPortalDbContext> CreateForAsync(this IDbContextFactory<BidPortalDbContext> contexts, Task<AuthenticationState> authentication)
    {
        var user = (await authentication).User;
        var db = await contexts.CreateDbContextAsync();
        db.Actor = user.Identity?.Name ?? "anonymous";
        return db;
    }
}
