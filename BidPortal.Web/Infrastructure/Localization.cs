using System.Globalization;
using BidPortal.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Infrastructure;

public static class LocalizationSetup
{
    public const string CookieName = ".BidPortal.Culture";

    public static WebApplicationBuilder AddBidPortalLocalization(this WebApplicationBuilder builder)
    {
        var catalog = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly);
        builder.Services.AddSingleton(catalog);
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

/// <summary>Serves every <c>IStringLocalizer&lt;T&gt;</c> from the one text catalog.</summary>
public sealed class CatalogLocalizerFactory(TextCatalog catalog) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new CatalogLocalizer(catalog);
    public IStringLocalizer Create(string baseName, string location) => new CatalogLocalizer(catalog);
}

public sealed class CatalogLocalizer(TextCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name] =>
        catalog.Find(name, CultureInfo.CurrentUICulture) is { } text
            ? new LocalizedString(name, text)
            : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, catalog.Format(name, CultureInfo.CurrentUICulture, arguments), !catalog.Contains(name));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Keys.Select(k => this[k]);
}

public static class LocalizerExtensions
{
    /// <summary>An enum value in the reader's language ("ProjectStatus.Open" → 接收投标).</summary>
    public static string Enum(this IStringLocalizer localizer, Enum value) =>
        localizer[$"{value.GetType().Name}.{value}"] is { ResourceNotFound: false } text ? text.Value : value.ToString();

    /// <summary>
    /// Specialty tags in the reader's language ("finance" → 财政金融); a tag the catalog does not
    /// know (typed by the organizer) is shown as it was typed.
    /// </summary>
    public static string Tags(this IStringLocalizer localizer, IEnumerable<string> tags) =>
        string.Join(Language.IsChinese(CultureInfo.CurrentUICulture) ? "、" : ", ",
            tags.Select(t => localizer[$"Tag.{t}"] is { ResourceNotFound: false } text ? text.Value : t));

    /// <summary>Identity's own errors ("PasswordTooShort") in the reader's language, falling back to Identity's English.</summary>
    public static string Identity(this IStringLocalizer localizer, Microsoft.AspNetCore.Identity.IdentityError error) =>
        localizer[$"Identity.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : error.Description;
}
