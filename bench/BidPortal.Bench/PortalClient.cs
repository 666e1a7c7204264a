using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BidPortal.Bench;

/// <summary>One institution user over HTTP, as the page works: sign in, fetch the upload token, POST the multipart upload.</summary>
public sealed partial class PortalClient : IDisposable
{
    private readonly HttpClient _http;
    private string _header = "";
    private string _token = "";

    private PortalClient(HttpClient http, string login)
    {
        _http = http;
        Login = login;
    }

    public string Login { get; }

    public static async Task<PortalClient> SignInAsync(Uri address, string login)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var client = new PortalClient(http, login);
        var page = await http.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = login,
            ["Input.Password"] = "Demo#2026",
        });
        using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), form);
        using var tokens = await http.GetAsync(new Uri("/proposals/upload-token", UriKind.Relative));
        if (tokens.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{login} could not sign in ({tokens.StatusCode}).");
        var json = (await tokens.Content.ReadFromJsonAsync<Dictionary<string, string>>())!;
        (client._header, client._token) = (json["header"], json["token"]);
        return client;
    }

    /// <summary>Uploads <paramref name="document"/> to the project; the server's answer, or the transport error.</summary>
    public async Task<UploadOutcome> UploadAsync(int projectId, GeneratedDocumentStream document, string fileName, decimal price)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(price.ToString(CultureInfo.InvariantCulture)), "price" },
            { new StringContent("5"), "days" },
            { new StringContent("60"), "trainees" },
            { new StringContent("王教授 教授"), "faculty" },
            { new StringContent("第一天 宏观经济"), "outline" },
        };
        var file = new StreamContent(document, 256 * 1024);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/proposals/{projectId}/upload", UriKind.Relative)) { Content = form };
        request.Headers.Add(_header, _token);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            using var json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            var root = json.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) ? v.ToString() : null;
            return new UploadOutcome(Login, (int)response.StatusCode, watch.Elapsed, document.Sha256, document.Length,
                Text("versionId") is { } id ? int.Parse(id, CultureInfo.InvariantCulture) : null,
                Text("sha256"), Text("size") is { } size ? long.Parse(size, CultureInfo.InvariantCulture) : null, Text("key"), Text("message"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or JsonException)
        {
            var reason = e.Message;
            for (var inner = e.InnerException; inner is not null; inner = inner.InnerException) reason += " → " + inner.Message;
            return new UploadOutcome(Login, 0, watch.Elapsed, document.Sha256, document.Length, null, null, null, "transport", reason);
        }
    }

    /// <summary>The stored document as the owner downloads it, hashed as it arrives.</summary>
    public async Task<string?> DownloadSha256Async(int versionId)
    {
        using var response = await _http.GetAsync(new Uri($"/files/proposals/{versionId}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) return null;
        await using var stream = await response.Content.ReadAsStreamAsync();
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream));
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
