namespace BidPortal.Domain.Institutions;

/// <summary>
/// Specialty tags as people type them and as projects start with them. The stored form is
/// <see cref="Institution.NormaliseTags"/>: lower-case, distinct, sorted.
/// </summary>
public static class SpecialtyTags
{
    private static readonly char[] Separators = [',', '，', ';', '；', '、'];

    /// <summary>"ocean, Fisheries；law" → ["fisheries", "law", "ocean"]: commas and semicolons in either script separate tags.</summary>
    public static string[] Parse(string? text) =>
        Institution.NormaliseTags((text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The tags as one line for an input field ("fisheries, ocean").</summary>
    public static string Format(IEnumerable<string> tags) => string.Join(", ", tags);

    /// <summary>Tags that specialised institutions are routed by, for each sponsoring unit's system.</summary>
    private static readonly Dictionary<string, string[]> BySystem = new(StringComparer.Ordinal)
    {
        ["finance"] = ["finance", "accounting"], ["audit"] = ["audit", "accounting"], ["ocean"] = ["ocean", "fisheries"],
        ["planning"] = ["planning", "urban"], ["land"] = ["land", "planning"], ["economy"] = ["economy", "finance"],
        ["social"] = ["social-governance"], ["legal"] = ["law"], ["health"] = ["health"], ["education"] = ["education"],
        ["environment"] = ["environment"], ["agriculture"] = ["agriculture"], ["statistics"] = ["statistics", "economy"],
        ["media"] = ["media"], ["county"] = ["county-governance"],
    };

    /// <summary>
    /// A consolidated project's starting tags: those of its source units' systems, in the order the
    /// sources come, without repeats. The organizer may change them before merging.
    /// </summary>
    public static string[] ForSystems(IEnumerable<string> systems) =>
        [.. systems.SelectMany(s => BySystem.GetValueOrDefault(s, [])).Distinct(StringComparer.Ordinal)];
}
