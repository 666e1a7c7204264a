using BidPortal.Domain;
using BidPortal.Domain.Identity;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace BidPortal.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with the antiforgery token, so a link or form on another site cannot sign anyone out.
        // A minimal-API POST that binds no form skips antiforgery unless it asks: this one asks.
        app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            // A new stamp ends this user's other sessions too: open circuits and copies of the cookie.
            if (await users.GetUserAsync(http.User) is { } user) await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect(Routes.Login);
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
            return Results.LocalRedirect(ReturnUrls.Safe(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
