using System.Globalization;
using BidPortal.Domain;

namespace BidPortal.Web.Infrastructure;

/// <summary>Records keep a Chinese and an English name; the reader's language (decided by <see cref="Language"/>) picks one.</summary>
public static class Bilingual
{
    public static bool ReaderIsChinese => Language.IsChinese(CultureInfo.CurrentUICulture);

    public static string Pick(string zh, string en) => Language.Pick(CultureInfo.CurrentUICulture, zh, en);
}
