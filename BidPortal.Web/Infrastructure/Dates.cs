using System.Globalization;

namespace BidPortal.Web.Infrastructure;

/// <summary>Times shown in the city's zone (UTC+8) and in the reader's culture, with the zone named.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo City = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, City).ToString("g", CultureInfo.CurrentCulture) + " (UTC+8)";

    public static string Format(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);
}
