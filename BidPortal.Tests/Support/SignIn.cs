using System.Net;
using System.Text.RegularExpressions;

namespace BidPortal.Tests.Support;

/// <summary>Signs in over HTTP the way the login form does: GET for the antiforgery token, then POST.</summary>
public static partial class SignIn
{
    public const string DemoPassword = "Demo#2026";

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password, string? returnUrl = null,
        string address = "/login")
    {
        var page = await client.GetStringAsync("/login");
        var token = Token().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.UserName"] = login,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(returnUrl is null ? address : $"{address}?returnUrl={Uri.EscapeDataString(returnUrl)}", form);
    }

    /// <summary>A browser-like client (cookies kept, English asked for) signed in as a demo user.</summary>
    public static async Task<HttpClient> ClientAsync(PortalFactory factory, string login)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await PostLoginAsync(client, login, DemoPassword);
        return client;
    }

    /// <summary>Prerendered Blazor HTML encodes Chinese as entities; decode before asserting on text.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
