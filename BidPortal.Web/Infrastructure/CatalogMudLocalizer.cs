using System.Globalization;
using BidPortal.Domain;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// MudBlazor's own texts ("Rows per page", "Select all rows", the date picker's buttons) from the
/// portal's catalog (Text/mudblazor.json), in the reader's language. MudBlazor asks here whenever
/// the UI culture is not English; a key the catalog lacks falls back to MudBlazor's English.
/// </summary>
public sealed class CatalogMudLocalizer(TextCatalog catalog) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        catalog.Find(key, CultureInfo.CurrentUICulture) is { } text
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        catalog.Contains(key)
            ? new LocalizedString(key, catalog.Format(key, CultureInfo.CurrentUICulture, arguments))
            : new LocalizedString(key, key, resourceNotFound: true);
}
