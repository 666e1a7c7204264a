using System.Globalization;
using BidPortal.Domain;
using BidPortal.Web.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace BidPortal.Tests.Components;

/// <summary>One base for component tests: MudBlazor, the real text catalog, and a chosen culture.</summary>
public abstract class ComponentTestBase : BunitContext
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected ComponentTestBase()
    {
        Services.AddMudServices();
        Services.AddSingleton(TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly));
        Services.AddLocalization();
        Services.AddSingleton<IStringLocalizerFactory, CatalogLocalizerFactory>();
        Services.AddTransient<MudLocalizer, CatalogMudLocalizer>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
    }

    protected override ValueTask DisposeAsyncCore()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        return base.DisposeAsyncCore();
    }
}
