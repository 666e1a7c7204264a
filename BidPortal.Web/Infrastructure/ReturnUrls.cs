using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// Where a "return to" address may send someone: only a page of this portal (<c>Url.IsLocalUrl</c>'s rule),
/// with no control characters, and percent-encoded so it can stand in a Location header. Anything else goes home.
/// </summary>
public static class ReturnUrls
{
    public static string Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || !RedirectHttpResult.IsLocalUrl(url)) return Routes.Home;
        if (url.Any(char.IsControl)) return Routes.Home;
        if (url.StartsWith("~/", StringComparison.Ordinal)) url = url[1..];
        if (url.All(c => c is > ' ' and < (char)0x7F)) return url;
        // Spaces and non-ASCII letters (a pasted U+3000, a Chinese path) are sent as UTF-8 escapes.
        var escaped = new StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F) { escaped.Append((char)rune.Value); continue; }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
