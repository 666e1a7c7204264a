using System.Globalization;

namespace BidPortal.Domain;

/// <summary>
/// The one place that decides which of the portal's two languages a reader gets: Chinese for any
/// zh culture, English for everything else. Pages, mails, PDFs and the text catalog all ask here.
/// </summary>
public static class Language
{
    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The language of the page being rendered (the request's or the circuit's UI culture).</summary>
    public static CultureInfo Reader => CultureInfo.CurrentUICulture;

    /// <summary>A record's Chinese or English form. A missing English form falls back to the Chinese one.</summary>
    public static string Pick(CultureInfo culture, string zh, string? en) =>
        IsChinese(culture) || string.IsNullOrWhiteSpace(en) ? zh : en;
}
