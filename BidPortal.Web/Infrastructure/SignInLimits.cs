using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using BidPortal.Domain;
using Microsoft.AspNetCore.RateLimiting;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// The sign-in POST is rate limited twice over: per client address and per account name typed, so neither
/// one machine nor a crowd can try passwords quickly. A refused attempt gets 429 and a page in the reader's language.
/// </summary>
public static class SignInLimits
{
    private const string UserNameField = "Input.UserName";

    public static WebApplicationBuilder AddBidPortalSignInLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("SignIn").Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http)
                    ? RateLimitPartition.GetSlidingWindowLimiter("client:" + ClientOf(http), _ => Window(limits.PermitsPerClient, limits.Window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http) && AccountOf(http) is { } account
                    ? RateLimitPartition.GetSlidingWindowLimiter("account:" + account, _ => Window(limits.PermitsPerAccount, limits.Window))
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = (context, ct) => WriteRefusalAsync(context.HttpContext, context.Lease, limits.Window, ct);
        });
        return builder;
    }

    /// <summary>After localisation (the refusal is in the reader's language) and forwarded headers (the client's address).</summary>
    public static WebApplication UseBidPortalSignInLimits(this WebApplication app)
    {
        // The account partition needs the name typed: read the form first (it is buffered for the page that binds it).
        app.Use(async (http, next) =>
        {
            if (IsSignIn(http) && http.Request.HasFormContentType)
            {
                try { await http.Request.ReadFormAsync(http.RequestAborted); }
                catch (InvalidDataException) { /* malformed or oversized form: the page refuses it */ }
            }
            await next(http);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// Any POST that reaches the sign-in page, however its address is spelled (/login/, /LOGIN…): by the
    /// endpoint routing chose, and by the path without trailing slashes as a second guard.
    /// </summary>
    private static bool IsSignIn(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (IsLoginAddress((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText)
            || IsLoginAddress(http.Request.Path.Value));

    private static bool IsLoginAddress(string? path) =>
        path is not null && string.Equals(path.TrimEnd('/'), Routes.Login, StringComparison.OrdinalIgnoreCase);

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? AccountOf(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is { } form
        && form[UserNameField].ToString().Trim() is { Length: > 0 } name
            ? name.ToUpperInvariant()
            : null;

    private static SlidingWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        SegmentsPerWindow = 5,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask WriteRefusalAsync(HttpContext http, RateLimitLease lease, TimeSpan window, CancellationToken ct)
    {
        var catalog = http.RequestServices.GetRequiredService<TextCatalog>();
        var culture = CultureInfo.CurrentUICulture;
        // A sliding window names no moment: a whole window is when a permit has surely come back.
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        string Text(string key) => WebUtility.HtmlEncode(catalog.Find(key, culture) ?? key);
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{TextCatalog.LanguageOf(culture)}">
            <head><meta charset="utf-8" /><title>{Text("SignIn.TooMany.Title")}</title></head>
            <body>
            <h1>{Text("SignIn.TooMany.Title")}</h1>
            <p role="alert">{Text("SignIn.TooMany")}</p>
            <p><a href="{Routes.Login}">{Text("SignIn.TooMany.Back")}</a></p>
            </body>
            </html>
            """, ct);
    }
}
