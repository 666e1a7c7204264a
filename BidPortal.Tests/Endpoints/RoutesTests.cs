using System.Reflection;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Every address the portal hands out comes from <see cref="Routes"/>; each of them must be served
/// by a page or an endpoint of the running app, or a link somewhere leads to "not found".
/// </summary>
public class RoutesTests(RoutesTests.Fixture fixture) : IClassFixture<RoutesTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public Fixture() : base(seeded: false) { }
    }

    [Fact]
    public void EveryAddressInRoutes_IsServedByAPageOrAnEndpoint()
    {
        _ = fixture.Server; // builds the host and maps the endpoints
        var templates = fixture.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            // Catch-alls (static files) would match anything: an address must match a page or endpoint of its own.
            .Where(t => t.Length > 0 && !t.Contains("{*", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains(templates, t => t.Contains("filings/{Id:int}", StringComparison.Ordinal));

        var addresses = AllAddresses().ToList();
        Assert.True(addresses.Count >= 25, $"only {addresses.Count} addresses found in Routes");
        var unserved = addresses.Where(a => !templates.Any(t => Matches(t, a.Path))).Select(a => $"{a.Member} -> {a.Path}").ToList();
        Assert.Empty(unserved);
    }

    private static bool Matches(string template, string address)
    {
        var path = address.Split('?')[0];
        var matcher = new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary());
        return matcher.TryMatch(path, new RouteValueDictionary());
    }

    /// <summary>Each constant as it is, and each builder called with sample arguments.</summary>
    private static IEnumerable<(string Member, string Path)> AllAddresses()
    {
        foreach (var field in typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            yield return (field.Name, (string)field.GetRawConstantValue()!);
        foreach (var method in typeof(Routes).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string)))
        {
            if (method.Name == nameof(Routes.Absolute)) continue;
            var args = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)7
                : p.Name == "culture" ? "en" : p.Name == "returnUrl" ? "/organizer" : "token").ToArray();
            yield return (method.Name, (string)method.Invoke(null, args)!);
        }
    }
}
