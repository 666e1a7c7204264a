using System.Globalization;
using BidPortal.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Infrastructure;

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
