using BidPortal.Domain;
using BidPortal.Domain.Identity;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace BidPortal.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with the antiforgery token, so a link on another site cannot sign anyone out.
        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        });

        // The language switch: a cookie for the browser, and the user's preference for the next sign-in.
        app.MapGet("/culture/{culture}", async (string culture, string? returnUrl, HttpContext http, UserManager<AppUser> users) =>
        {
            if (!TextCatalog.Cultures.Contains(culture)) return Results.BadRequest();
            LocalizationSetup.WriteCultureCookie(http.Response, culture);
            if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
            {
                user.PreferredCulture = culture;
                await users.UpdateAsync(user);
            }
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
