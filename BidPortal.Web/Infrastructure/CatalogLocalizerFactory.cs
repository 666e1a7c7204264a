using BidPortal.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace BidPortal.Web.Infrastructure;

/// <summary>Serves every <c>IStringLocalizer&lt;T&gt;</c> from the one text catalog.</summary>
public sealed class CatalogLocalizerFactory(TextCatalog catalog) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new CatalogLocalizer(catalog);
    public IStringLocalizer Create(string baseName, string location) => new CatalogLocalizer(catalog);
}
