using System.Globalization;

namespace BidPortal.Domain;

/// <summary>
/// Times and dates as a person reads them: in the city's zone (Asia/Shanghai), with the zone said
/// in words — "2020-01-01 17:00（北京时间）" / "1 Jan 2020, 17:00 (Beijing time)" — never UTC and
/// never a format pattern. Pages, mails and domain messages all format here.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The wall-clock time in Beijing for an instant.</summary>
    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static string Format(DateTimeOffset instant, CultureInfo culture)
    {
        var local = Local(instant);
        return Language.IsChinese(culture)
            ? local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）"
            : local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " (Beijing time)";
    }

    /// <summary>
    /// An instant to the second, for a receipt's time received: "2020-01-01 16:59:58（北京时间）" /
    /// "1 Jan 2020, 16:59:58 (Beijing time)".
    /// </summary>
    public static string FormatToTheSecond(DateTimeOffset instant, CultureInfo culture)
    {
        var local = Local(instant);
        return Language.IsChinese(culture)
            ? local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）"
            : local.ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + " (Beijing time)";
    }

    /// <summary>The time of day to the second, for "saved at" notes on the same day: "10:42:03（北京时间）" / "10:42:03 (Beijing time)".</summary>
    public static string FormatTimeOfDay(DateTimeOffset instant, CultureInfo culture)
    {
        var local = Local(instant);
        return Language.IsChinese(culture)
            ? local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）"
            : local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (Beijing time)";
    }

    /// <summary>A calendar day: "2020-01-01" in Chinese, "1 Jan 2020" in English.</summary>
    public static string Format(DateOnly date, CultureInfo culture) =>
        Language.IsChinese(culture)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
