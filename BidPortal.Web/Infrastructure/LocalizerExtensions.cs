using System.Globalization;
using BidPortal.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Infrastructure;

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

    /// <summary>
    /// A text that names a count: "Publish 1 project" / "Publish 2 projects" in English, one form
    /// ("发布 2 个项目") in Chinese. The count is {0}; any further arguments follow it. The catalog picks
    /// the singular form ("Key.One") itself — see <see cref="TextCatalog.PluralKey"/> — so mails get it too.
    /// </summary>
    public static string Count(this IStringLocalizer localizer, string key, int n, params object[] more) =>
        localizer[key, [n, .. more]].Value;
}
