using System.Text.Json;
using System.Text.RegularExpressions;

namespace BidPortal.Domain.Institutions;

/// <summary>
/// Specialty tags as people type them and as projects start with them. The stored form is
/// <see cref="Institution.NormaliseTags"/>: lower-case, distinct, sorted.
/// </summary>
public static class SpecialtyTags
{
    private static readonly char[] Separators = [',', '，', ';', '；', '、'];

    /// <summary>
    /// "ocean, 渔业；Law" → ["fisheries", "law", "ocean"]: commas, semicolons and 、 in either script separate
    /// tags, and a tag may be typed by its code or by its name in either language (Text/tags.json). A name
    /// the catalog does not know is kept as typed, as a new tag.
    /// </summary>
    public static string[] Parse(string? text) =>
        Institution.NormaliseTags((text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(name => ByName.GetValueOrDefault(name.Trim(), name)));

    private const string NamePrefix = "Tag.";

    private static readonly Dictionary<string, string> ByName = BuildNames();

    private static Dictionary<string, string> BuildNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in TextCatalog.Domain.Keys.Where(k => k.StartsWith(NamePrefix, StringComparison.Ordinal)))
        {
            var tag = key[NamePrefix.Length..];
            names.TryAdd(tag, tag);
            foreach (var culture in TextCatalog.Cultures)
                if (TextCatalog.Domain.Find(key, new System.Globalization.CultureInfo(culture)) is { } name) names.TryAdd(name.Trim(), tag);
        }
        return names;
    }

    /// <summary>The tags as one line for an input field ("fisheries, ocean").</summary>
    public static string Format(IEnumerable<string> tags) => string.Join(", ", tags);

    /// <summary>
    /// The one table of the rule (Institutions/tag-keywords.json, which the demo generator reads too):
    /// tags for each sponsoring unit's system, and keywords for each tag.
    /// </summary>
    private static readonly Table Rule = Table.Load();

    /// <summary>Every tag the rule knows, in the table's order: what the organizer picks from.</summary>
    public static IReadOnlyList<string> Known => [.. Rule.Keywords.Keys];

    /// <summary>Tags that specialised institutions are routed by, for each sponsoring unit's system, without repeats.</summary>
    public static string[] ForSystems(IEnumerable<string> systems) =>
        [.. systems.SelectMany(s => Rule.Systems.GetValueOrDefault(s, [])).Distinct(StringComparer.Ordinal)];

    /// <summary>Tags whose keywords occur in the text: Chinese anywhere in it, English at the start of a word.</summary>
    public static string[] ForText(IEnumerable<string?> texts)
    {
        var text = string.Join("\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        return [.. Rule.Keywords.Where(k => k.Value.Any(p => p.IsMatch(text))).Select(k => k.Key)];
    }

    /// <summary>
    /// A course's starting tags, routed by what it teaches as well as by who sponsors it: the source
    /// units' systems' tags, then those the titles and objectives name ("生态环境保护" → environment).
    /// A course whose text names nothing keeps its units' tags. The organizer may change them until
    /// the invitation list is published.
    /// </summary>
    public static string[] ForCourse(IEnumerable<(string System, string Title, string Objectives)> sources)
    {
        var list = sources.ToList();
        return [.. ForSystems(list.Select(s => s.System))
            .Concat(ForText(list.SelectMany(s => new[] { s.Title, s.Objectives })))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The starting tags of a project merged from these filings (their units must be loaded).</summary>
    public static string[] ForFilings(IEnumerable<Filings.Filing> filings) =>
        ForCourse(filings.Select(f => (f.SponsorUnit?.System ?? "", f.Title, f.Objectives)));

    private sealed record Table(Dictionary<string, string[]> Systems, Dictionary<string, Regex[]> Keywords)
    {
        public static Table Load()
        {
            var assembly = typeof(SpecialtyTags).Assembly;
            using var stream = assembly.GetManifestResourceStream("BidPortal.Domain.Institutions.tag-keywords")
                ?? throw new InvalidOperationException("tag-keywords.json is not embedded");
            using var json = JsonDocument.Parse(stream);
            var systems = json.RootElement.GetProperty("systems").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.Ordinal);
            var keywords = json.RootElement.GetProperty("keywords").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => Pattern(v.GetString()!)).ToArray(), StringComparer.Ordinal);
            return new(systems, keywords);
        }

        /// <summary>English keywords match at a word's start ("audit" in "Auditing", not "law" in "outlaw").</summary>
        private static Regex Pattern(string keyword) =>
            new(keyword.All(char.IsAscii) ? $@"\b{Regex.Escape(keyword)}" : Regex.Escape(keyword),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
