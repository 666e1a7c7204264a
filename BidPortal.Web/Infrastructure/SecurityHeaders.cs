using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// Headers every response carries (pages, downloads, the sign-in page, errors), and, behind a reverse proxy,
/// the client's address and scheme from X-Forwarded-For/-Proto plus HSTS.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the portal itself (blazor.web.js, MudBlazor.min.js, the reconnect module; no inline script,
    /// so App.razor renders no import map). Styles also inline: MudBlazor writes style attributes and its theme as a
    /// &lt;style&gt; element. connect-src 'self' covers the circuit's WebSocket.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>The policy for a document the portal shows in its own page (a proposal in the scoring page): framed by the portal only.</summary>
    public const string FramedByPortalPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";

    /// <summary>For one response only: the portal's own pages may show it in a frame; nobody else's.</summary>
    public static void AllowFramingBySelf(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = FramedByPortalPolicy;
        response.Headers.XFrameOptions = "SAMEORIGIN";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    public static WebApplicationBuilder AddBidPortalSecurityHeaders(this WebApplicationBuilder builder)
    {
        // "ForwardedHeaders:KnownProxies": addresses of the proxies whose X-Forwarded-* headers are believed (loopback by default).
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline, so even an error page or a refusal carries the headers.</summary>
    public static WebApplication UseBidPortalSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false)) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }
}
