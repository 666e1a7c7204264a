using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace BidPortal.Web.Infrastructure.Seeding;

// Reads the JSON files in seed-data/ into the *Seed records beside this file. Times are ISO 8601, or
// relative to the moment of seeding ("now-8d+6h", dates "today+40") so the current campaign always
// has live deadlines.
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

    /// <summary>"2011-03-18T09:00:00+08:00", or "now-8d+6h" relative to <paramref name="now"/>.</summary>
    public static DateTimeOffset Instant(string text, DateTimeOffset now)
    {
        if (!text.StartsWith("now", StringComparison.Ordinal))
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();
        var at = now;
        foreach (Match m in Offset().Matches(text[3..]))
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

    [GeneratedRegex(@"([+-]\d+)([dh])")]
    private static partial Regex Offset();
}
