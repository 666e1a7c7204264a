namespace BidPortal.Domain.Evaluation;

/// <summary>
/// Blind mode's names: "A", "B", … "Z", "AA", … by proposal id, so every evaluator and every page sees
/// the same letter for the same proposal, and the letter says nothing about the institution or its arrival.
/// </summary>
public static class BlindLabels
{
    public static IReadOnlyDictionary<int, string> For(IEnumerable<int> proposalIds) =>
        proposalIds.Distinct().Order().Select((id, index) => (id, index)).ToDictionary(x => x.id, x => Letters(x.index));

    /// <summary>0 → A, 25 → Z, 26 → AA (spreadsheet columns).</summary>
    public static string Letters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var text = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) text = (char)('A' + (n - 1) % 26) + text;
        return text;
    }
}
