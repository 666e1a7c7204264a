using BidPortal.Web.Components.Shared;
using BidPortal.Web.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BidPortal.Tests.Components;

/// <summary>MudBlazor's own texts (the pager, "Select all rows") and the portal's money, in the page's language.</summary>
public class MudTextsTests : ComponentTestBase
{
    private sealed record Row(string Name);

    private static readonly Row[] Rows = [.. Enumerable.Range(1, 30).Select(i => new Row($"第 {i} 行"))];

    /// <summary>A data grid as the portal's pages use it: selectable rows, a sortable column and a pager.</summary>
    private IRenderedComponent<MudDataGrid<Row>> Grid() =>
        Render<MudDataGrid<Row>>(p => p
            .Add(g => g.Items, Rows)
            .Add(g => g.MultiSelection, true)
            .Add(g => g.Columns, (RenderFragment)(b =>
            {
                b.OpenComponent<SelectColumn<Row>>(0);
                b.CloseComponent();
                b.OpenComponent<PropertyColumn<Row, string>>(1);
                b.AddComponentParameter(2, nameof(PropertyColumn<Row, string>.Property), (System.Linq.Expressions.Expression<Func<Row, string>>)(r => r.Name));
                b.CloseComponent();
            }))
            .Add(g => g.PagerContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudDataGridPager<Row>>(0);
                b.CloseComponent();
            })));

    [Fact]
    public void InChinese_TheGridsPagerAndSelection_SpeakChinese()
    {
        UseCulture("zh-CN");
        var grid = Grid();
        Assert.Contains("每页行数", grid.Markup);
        Assert.Contains("共 30 条", grid.Markup);
        Assert.DoesNotContain("Rows per page", grid.Markup);
        Assert.DoesNotContain("Select all rows", grid.Markup);
    }

    [Fact]
    public void InEnglish_TheGridKeepsMudBlazorsEnglish()
    {
        UseCulture("en-GB");
        var grid = Grid();
        Assert.Contains("Rows per page", grid.Markup);
        Assert.DoesNotContain("每页行数", grid.Markup);
    }

    [Fact]
    public void EveryMudBlazorText_HasAChineseText()
    {
        // The keys MudBlazor 9.12 asks for, read from its own English resources.
        var resources = typeof(MudLocalizer).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("LanguageResource.resources", StringComparison.Ordinal));
        using var reader = new System.Resources.ResourceReader(typeof(MudLocalizer).Assembly.GetManifestResourceStream(resources)!);
        var keys = reader.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
        Assert.True(keys.Count > 100, $"only {keys.Count} MudBlazor texts found");
        UseCulture("zh-CN");
        var localizer = Services.GetRequiredService<MudLocalizer>();
        Assert.All(keys, k => Assert.False(localizer[k].ResourceNotFound, $"{k} has no Chinese text"));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Money_ShowsAsYuanWithSeparators(string culture)
    {
        UseCulture(culture);
        Assert.Equal("¥142,000", Render<Money>(p => p.Add(m => m.Amount, 142000.0m)).Find(".money").TextContent);
        Assert.Equal("¥182,195.50", Render<Money>(p => p.Add(m => m.Amount, 182195.5m)).Find(".money").TextContent);
    }

    [Fact]
    public void Count_PicksTheEnglishSingular_AndOneChineseForm()
    {
        var L = Services.GetRequiredService<IStringLocalizerFactory>().Create(typeof(MudTextsTests));
        UseCulture("en");
        Assert.Equal("Publish 1 project", L.Count("Publish.Title", 1));
        Assert.Equal("Publish 3 projects", L.Count("Publish.Title", 3));
        Assert.Equal("1 filing left out.", L["Merge.LeftOut", 1]);
        UseCulture("zh-CN");
        Assert.DoesNotMatch("[A-Za-z]", L.Count("Publish.Title", 1));
    }
}
