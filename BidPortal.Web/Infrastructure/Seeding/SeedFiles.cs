using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace BidPortal.Web.Infrastructure.Seeding;

// Reads the JSON files in seed-data/ into the *Seed records beside this file. Times are ISO 8601, or
// relative to the moment of seeding ("now-8d+6h", "today+5@17:00" in Beijing time, dates "today+40") so
// the current campaign always has live deadlines, and they fall at whole hours as a person sets them.
public static partial class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
    }

    public static IReadOnlyList<AccountSeed> Accounts(string folder) => Read<AccountSeed[]>(folder, "accounts.json");

    /// <summary>
    /// "2011-03-18T09:00:00+08:00"; "now-8d+6h" relative to <paramref name="now"/>; or "today-2@09:00+6h",
    /// a clock time in Beijing on a day counted from the city's today, then any offsets.
    /// </summary>
    public static DateTimeOffset Instant(string text, DateTimeOffset now)
    {
        DateTimeOffset at;
        string offsets;
        if (CityTime().Match(text) is { Success: true } day)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Dates.City).DateTime);
            var date = today.AddDays(int.Parse(day.Groups[1].Value, CultureInfo.InvariantCulture));
            var time = TimeOnly.ParseExact(day.Groups[2].Value, "HH:mm", CultureInfo.InvariantCulture);
            var local = date.ToDateTime(time);
            at = new DateTimeOffset(local, Dates.City.GetUtcOffset(local)).ToUniversalTime();
            offsets = day.Groups[3].Value;
        }
        else if (text.StartsWith("now", StringComparison.Ordinal))
        {
            at = now;
            offsets = text[3..];
        }
        else return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();
        foreach (Match m in Offset().Matches(offsets))
        {
            var amount = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            at = m.Groups[2].Value == "d" ? at.AddDays(amount) : at.AddHours(amount);
        }
        return at;
    }

    /// <summary>"2011-05-10", or "today+40" in the city's calendar.</summary>
    public static DateOnly Date(string text, DateOnly today) =>
        text.StartsWith("today", StringComparison.Ordinal)
            ? today.AddDays(int.Parse(text[5..], CultureInfo.InvariantCulture))
            : DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^today([+-]\d+)@(\d\d:\d\d)(.*)$")]
    private static partial Regex CityTime();

    [GeneratedRegex(@"([+-]\d+)([dh])")]
    private static partial Regex Offset();
}
