using System.Globalization;

namespace BidPortal.Web.Infrastructure;

/// <summary>Records keep a Chinese and an English name; the reader's language picks one.</summary>
public static class Bilingual
{
    public static bool ReaderIsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Pick(string zh, string en) => ReaderIsChinese || string.IsNullOrWhiteSpace(en) ? zh : en;
}
