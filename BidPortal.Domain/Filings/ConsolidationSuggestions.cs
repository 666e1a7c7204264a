namespace BidPortal.Domain.Filings;

/// <summary>
/// Candidates for merging (step 2): approved filings of the same system, and filings whose titles
/// are alike once the unit's name and the "training course" suffix are taken off.
/// </summary>
public static class ConsolidationSuggestions
{
    private static readonly string[] Suffixes = ["专题培训班", "培训班", "专题班", "研修班", "培训"];

    public static IReadOnlyList<SuggestedGroup> For(IReadOnlyCollection<Filing> approved, Func<Filing, string> systemOf, double similarity = 0.5)
    {
        var groups = approved.GroupBy(systemOf)
            .Where(g => g.Count() > 1 && !string.IsNullOrEmpty(g.Key))
            .Select(g => new SuggestedGroup("system", g.Key, [.. g.OrderBy(f => f.Title)]))
            .ToList();
        var used = new HashSet<Filing>();
        foreach (var filing in approved.OrderBy(f => f.Id))
        {
            if (used.Contains(filing)) continue;
            var topic = Topic(filing.Title);
            var alike = approved.Where(o => o != filing && !used.Contains(o) && Similarity(topic, Topic(o.Title)) >= similarity).ToList();
            if (alike.Count == 0) continue;
            used.Add(filing);
            used.UnionWith(alike);
            groups.Add(new SuggestedGroup("title", topic, [filing, .. alike]));
        }
        return groups;
    }

    /// <summary>"东营市财政局现代财政管理专题培训班" → "现代财政管理" (unit prefixes end in 局/委/部/县/区).</summary>
    public static string Topic(string title)
    {
        var t = title.Trim();
        foreach (var suffix in Suffixes)
            if (t.EndsWith(suffix, StringComparison.Ordinal)) { t = t[..^suffix.Length]; break; }
        var cut = t.LastIndexOfAny(['局', '委', '部', '县', '区']);
        return cut >= 0 && cut < t.Length - 2 ? t[(cut + 1)..] : t;
    }

    /// <summary>Dice coefficient on character pairs: robust for Chinese titles without word breaks.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0) return a == b ? 1 : 0;
        var common = x.Intersect(y).Count();
        return 2.0 * common / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string s) => [.. Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2))];
}
