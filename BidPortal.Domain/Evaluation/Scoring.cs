namespace BidPortal.Domain.Evaluation;

/// <summary>The arithmetic of steps 7 and 8, as pure functions (numbers from DOMAIN.md are their tests).</summary>
public static class Scoring
{
    /// <summary>Lowest valid price ÷ this price × price points, unrounded.</summary>
    public static decimal PriceScore(decimal lowestValidPrice, decimal price, decimal pricePoints)
    {
        if (price <= 0 || lowestValidPrice <= 0) throw new DomainException("Proposal.PricePositive");
        return lowestValidPrice / price * pricePoints;
    }

    /// <summary>For display: half away from zero, two decimals. Comparisons use the unrounded value.</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Mean of the evaluators' totals; with five or more, drop one highest and one lowest first.</summary>
    public static decimal PanelScore(IReadOnlyCollection<decimal> totals)
    {
        if (totals.Count == 0) throw new DomainException("Ranking.NoScores");
        if (totals.Count < 5) return totals.Sum() / totals.Count;
        var ordered = totals.Order().ToList();
        return ordered.Skip(1).Take(ordered.Count - 2).Sum() / (ordered.Count - 2);
    }

    /// <summary>An evaluator's total more than 30% away from the panel mean needs a written reason.</summary>
    public static bool IsOutlier(decimal total, decimal panelMean) =>
        panelMean != 0 && Math.Abs(total - panelMean) > 0.30m * panelMean;

    /// <summary>
    /// Whether a total about to be submitted would be an outlier: the panel mean is taken over the totals
    /// already submitted and this one, as the ranking takes it. The first sheet is never an outlier.
    /// </summary>
    public static bool IsOutlierAmong(decimal total, IReadOnlyCollection<decimal> otherTotals) =>
        otherTotals.Count > 0 && IsOutlier(total, (otherTotals.Sum() + total) / (otherTotals.Count + 1));

    /// <summary>A price 40% or more below the mean of the other proposals' prices is abnormally low.</summary>
    public static bool IsAbnormallyLow(decimal price, IReadOnlyCollection<decimal> otherPrices) =>
        otherPrices.Count > 0 && price <= 0.60m * (otherPrices.Sum() / otherPrices.Count);

    /// <summary>
    /// Orders by score (higher first), then price (lower), then receipt time (earlier). Proposals equal
    /// on all three share a rank, and the next rank skips (1, 1, 3).
    /// </summary>
    public static IReadOnlyList<RankedProposal> Rank(IEnumerable<RankInput> inputs)
    {
        var ordered = inputs
            .OrderByDescending(i => i.Score)
            .ThenBy(i => i.Price)
            .ThenBy(i => i.ReceivedAt)
            .ThenBy(i => i.ProposalId)
            .ToList();
        var ranked = new List<RankedProposal>(ordered.Count);
        for (var index = 0; index < ordered.Count; index++)
        {
            var input = ordered[index];
            var tiedWithPrevious = index > 0 && ordered[index - 1] is var prev
                && prev.Score == input.Score && prev.Price == input.Price && prev.ReceivedAt == input.ReceivedAt;
            var rank = tiedWithPrevious ? ranked[index - 1].Rank : index + 1;
            ranked.Add(new RankedProposal(input.ProposalId, rank, input.Score, input.Price, input.ReceivedAt));
        }
        return ranked;
    }
}
