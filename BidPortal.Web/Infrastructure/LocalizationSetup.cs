using BidPortal.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Infrastructure;

public static class LocalizationSetup
{
    public const string CookieName = ".BidPortal.Culture";

    /// <summary>
    /// Every text of the portal, both languages: the domain's messages and the web's. Immutable and
    /// the same for everyone, so documents made outside a request (PDFs) read it as well as pages do.
    /// </summary>
    public static TextCatalog Catalog { get; } = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly);

    public static WebApplicationBuilder AddBidPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Catalog);
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<IStringLocalizerFactory, CatalogLocalizerFactory>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            // Chinese first: it is the default when the browser asks for neither language.
            o.SetDefaultCulture("zh-CN").AddSupportedCultures([.. TextCatalog.Cultures]).AddSupportedUICultures([.. TextCatalog.Cultures]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static void WriteCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
