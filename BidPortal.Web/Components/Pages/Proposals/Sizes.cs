using System.Globalization;

namespace BidPortal.Web.Components.Pages.Proposals;

/// <summary>File sizes as a person reads them: "812 KB", "8.4 MB" (the same in both languages).</summary>
public static class Sizes
{
    private const double Mega = 1024 * 1024;

    public static string Format(long bytes) =>
        bytes < Mega
            ? Math.Max(1, (long)Math.Ceiling(bytes / 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " KB"
            : Megabytes(bytes) + " MB";

    /// <summary>"8.4" — megabytes with one decimal, for "3.1 MB / 8.4 MB".</summary>
    public static string Megabytes(long bytes) => (bytes / Mega).ToString("0.0", CultureInfo.InvariantCulture);
}
