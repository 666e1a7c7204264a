using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace BidPortal.Domain;

/// <summary>
/// User-facing texts in zh-CN and en, kept side by side in one JSON file per assembly
/// (<c>{"Key": {"zh-CN": "…", "en": "…"}}</c>) so a translator sees both at once.
/// </summary>
public sealed class TextCatalog
{
    public static readonly IReadOnlyList<string> Cultures = ["zh-CN", "en"];
    public static TextCatalog Domain { get; } = FromAssemblies(typeof(TextCatalog).Assembly);

    private readonly FrozenDictionary<string, Dictionary<string, string>> _texts;

    public TextCatalog(IDictionary<string, Dictionary<string, string>> texts) =>
        _texts = texts.ToFrozenDictionary(StringComparer.Ordinal);

    public IEnumerable<string> Keys => _texts.Keys;

    public static TextCatalog FromAssemblies(params Assembly[] assemblies)
    {
        var merged = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"Empty text catalog {name}");
            foreach (var (key, value) in texts)
                merged[key] = value;
        }
        return new TextCatalog(merged);
    }

    public bool Contains(string key) => _texts.ContainsKey(key);

    /// <summary>Chinese for any zh culture, English for everything else.</summary>
    public static string LanguageOf(CultureInfo culture) => Language.IsChinese(culture) ? "zh-CN" : "en";

    public string? Find(string key, CultureInfo culture) =>
        _texts.TryGetValue(key, out var byCulture) && byCulture.TryGetValue(LanguageOf(culture), out var text)
            ? text
            : null;

    public string Get(string key, CultureInfo culture) => Find(key, culture) ?? key;

    public string Format(string key, CultureInfo culture, params object[] args) =>
        args.Length == 0 ? Get(key, culture) : string.Format(culture, Get(key, culture), [.. args.Select(a => Localise(a, culture))]);

    /// <summary>An enum value reads as its name in the catalog ("ProjectStatus.Open"), where there is one.</summary>
    public string EnumText(Enum value, CultureInfo culture) =>
        Find($"{value.GetType().Name}.{value}", culture) ?? value.ToString();

    private object Localise(object arg, CultureInfo culture) => arg is Enum e ? EnumText(e, culture) : arg;
}
