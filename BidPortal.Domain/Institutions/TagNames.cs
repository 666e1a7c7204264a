namespace BidPortal.Domain.Institutions;

/// <summary>
/// Specialty tags typed by their names in either language: "财政金融、audit" and "finance, 审计"
/// both mean finance and audit. A name the tag catalog (Text/tags.json) does not know is kept as
/// typed, as a new tag.
/// </summary>
public static class TagNames
{
    private const string Prefix = "Tag.";

    private static readonly Dictionary<string, string> ByName = BuildNames();

    /// <summary>The stored tags (lower-case, distinct, sorted) that the text names.</summary>
    public static string[] Parse(string? text) =>
        Institution.NormaliseTags(SpecialtyTags.Parse(text).Select(name => ByName.GetValueOrDefault(name.Trim(), name)));

    private static Dictionary<string, string> BuildNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in TextCatalog.Domain.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var tag = key[Prefix.Length..];
            names.TryAdd(tag, tag);
            foreach (var culture in TextCatalog.Cultures)
                if (TextCatalog.Domain.Find(key, new System.Globalization.CultureInfo(culture)) is { } name) names.TryAdd(name.Trim(), tag);
        }
        return names;
    }
}
