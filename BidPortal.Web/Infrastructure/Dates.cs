using System.Globalization;
using BidPortal.Domain;

namespace BidPortal.Web.Infrastructure;

/// <summary>
/// Times in the city's zone (Asia/Shanghai, UTC+8): shown in the reader's culture with the zone
/// named, and typed by people as "2026-05-11 17:00" city time.
/// </summary>
public static class Dates
{
    public static readonly TimeZoneInfo City = BeijingTime.Zone;
    public const string InputFormat = "yyyy-MM-dd HH:mm";

    /// <summary>"2020-01-01 17:00（北京时间）" / "1 Jan 2020, 17:00 (Beijing time)" in the reader's language.</summary>
    public static string Format(DateTimeOffset instant) => BeijingTime.Format(instant, Language.Reader);

    public static string Format(DateOnly date) => BeijingTime.Format(date, Language.Reader);

    /// <summary>An instant as a person types it: "2026-05-11 17:00" in city time.</summary>
    public static string ToInput(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, City).ToString(InputFormat, CultureInfo.InvariantCulture);

    public static bool TryParseInput(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (!DateTime.TryParseExact(text.Trim(), InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        // 0001-01-01 or 9999-12-31 in the city's zone falls off the calendar in UTC; the domain refuses what is outside 2000–2100 with its message.
        if (local.Year is < 2 or > 9998) return false;
        instant = new DateTimeOffset(local, City.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
