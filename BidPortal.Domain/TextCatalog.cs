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

    public static TextCatalog FromAssemblies(params Assembly[] assemblies) =>
        FromFiles(assemblies.Distinct().SelectMany(a => ResourceNames(a).Select(n => (n, Open(a, n)))));

    /// <summary>Merges catalog files (name, JSON); a key defined in two of them is refused, naming both.</summary>
    public static TextCatalog FromFiles(IEnumerable<(string Name, Func<Stream> Open)> files)
    {
        var merged = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var definedIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, open) in files)
        {
            using var stream = open();
            var texts = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"Empty text catalog {name}");
            foreach (var (key, value) in texts)
            {
                // One place for each text: a second definition would silently win, so it is refused.
                if (!definedIn.TryAdd(key, name))
                    throw new InvalidOperationException($"Text key \"{key}\" is defined in both {definedIn[key]} and {name}");
                merged[key] = value;
            }
        }
        return new TextCatalog(merged);
    }

    private static Func<Stream> Open(Assembly assembly, string name) => () => assembly.GetManifestResourceStream(name)!;

    /// <summary>The catalog files embedded in an assembly (its Text/*.json).</summary>
    public static IEnumerable<string> ResourceNames(Assembly assembly) =>
        assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public bool Contains(string key) => _texts.ContainsKey(key);

    /// <summary>Chinese for any zh culture, English for everything else.</summary>
    public static string LanguageOf(CultureInfo culture) => Language.IsChinese(culture) ? "zh-CN" : "en";

    public string? Find(string key, CultureInfo culture) =>
        _texts.TryGetValue(key, out var byCulture) && byCulture.TryGetValue(LanguageOf(culture), out var text)
            ? text
            : null;

    public string Get(string key, CultureInfo culture) => Find(key, culture) ?? key;

    public string Format(string key, CultureInfo culture, params object[] args) =>
        args.Length == 0 ? Get(key, culture) : string.Format(culture, Get(PluralKey(key, culture, args), culture), [.. args.Select(a => Localise(a, culture))]);

    /// <summary>
    /// English says "1 project" but "2 projects": a text whose first whole-number argument is 1 reads
    /// from its "Key.One" form where the catalog has one. Chinese has one form for every count.
    /// </summary>
    public string PluralKey(string key, CultureInfo culture, object[] args) =>
        !Language.IsChinese(culture) && args.FirstOrDefault(a => a is int or long) is int and 1 or long and 1 && Contains(key + ".One")
            ? key + ".One"
            : key;

    /// <summary>An enum value reads as its name in the catalog ("ProjectStatus.Open"), where there is one.</summary>
    public string EnumText(Enum value, CultureInfo culture) =>
        Find($"{value.GetType().Name}.{value}", culture) ?? value.ToString();

    /// <summary>
    /// An argument as the reader reads it: an enum by its name in the catalog (a <see cref="TextField"/>
    /// as the field's label), a time in Beijing time with the zone in words, a date as a date.
    /// </summary>
    private object Localise(object arg, CultureInfo culture) => arg switch
    {
        Enum e => EnumText(e, culture),
        DateTimeOffset instant => BeijingTime.Format(instant, culture),
        DateOnly date => BeijingTime.Format(date, culture),
        NamePair name => Language.Pick(culture, name.Chinese, name.English),
        _ => arg,
    };
}
