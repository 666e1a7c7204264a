namespace BidPortal.Domain.Evaluation;

/// <summary>
/// Steps 7 and 8 put together: price scores from the lowest valid price, each evaluator's total,
/// the panel score (trimmed from five evaluators up), ranks with ties, and the organizer's flags.
/// Conflicted evaluators' sheets are left out of the proposal they are conflicted on. While the panel
/// is still scoring, a proposal without a submitted sheet has no line yet (the price scores and the
/// abnormally-low flag still count every valid proposal).
/// </summary>
public static class ProjectRanking
{
    public static IReadOnlyList<RankingLine> Compute(
        IReadOnlyCollection<Criterion> criteria,
        IReadOnlyCollection<RankingProposal> validProposals,
        IReadOnlyCollection<RankingSheet> submittedSheets,
        IReadOnlySet<(int PanelMemberId, int ProposalId)> conflicts)
    {
        if (validProposals.Count == 0) throw new DomainException("Ranking.Empty");
        var price = criteria.Single(c => c.IsPrice);
        var typed = criteria.Where(c => !c.IsPrice).ToList();
        var lowest = validProposals.Min(p => p.Price);

        var scored = new List<(RankingProposal Proposal, decimal PriceScore, List<(RankingSheet Sheet, decimal Total)> Sheets)>();
        foreach (var proposal in validProposals)
        {
            var priceScore = Scoring.PriceScore(lowest, proposal.Price, price.MaxPoints);
            var sheets = submittedSheets
                .Where(s => s.ProposalId == proposal.ProposalId && !conflicts.Contains((s.PanelMemberId, s.ProposalId)))
                .Select(s => (s, typed.Sum(c => s.PointsByCriterion.GetValueOrDefault(c.Id)) + priceScore))
                .ToList();
            if (sheets.Count == 0) continue;
            scored.Add((proposal, priceScore, sheets));
        }

        var ranks = Scoring.Rank(scored.Select(s => new RankInput(
            s.Proposal.ProposalId, Scoring.PanelScore([.. s.Sheets.Select(x => x.Total)]), s.Proposal.Price, s.Proposal.ReceivedAt)));

        return [.. ranks.Select(r =>
        {
            var s = scored.Single(x => x.Proposal.ProposalId == r.ProposalId);
            var mean = s.Sheets.Average(x => x.Total);
            var averages = typed.ToDictionary(c => c.Id, c => s.Sheets.Average(x => x.Sheet.PointsByCriterion.GetValueOrDefault(c.Id)));
            averages[price.Id] = s.PriceScore;
            var others = validProposals.Where(p => p.ProposalId != r.ProposalId).Select(p => p.Price).ToList();
            return new RankingLine(r.ProposalId, r.Rank, r.Score, r.Price, r.ReceivedAt, s.PriceScore, averages,
                [.. s.Sheets.Select(x => new EvaluatorTotal(x.Sheet.PanelMemberId, x.Total, Scoring.IsOutlier(x.Total, mean), x.Sheet.OutlierReason))],
                Scoring.IsAbnormallyLow(r.Price, others));
        })];
    }

    /// <summary>
    /// Sheets still owed before the scores can be locked: each panel member, for each valid proposal it is
    /// not conflicted on, a submitted sheet.
    /// </summary>
    public static int MissingSheets(IReadOnlyCollection<int> validProposalIds, IReadOnlyCollection<int> panelMemberIds,
        IReadOnlySet<(int PanelMemberId, int ProposalId)> submitted, IReadOnlySet<(int PanelMemberId, int ProposalId)> conflicts) =>
        validProposalIds.Sum(p => panelMemberIds.Count(m => !conflicts.Contains((m, p)) && !submitted.Contains((m, p))));

    /// <summary>
    /// The head of a ranking sent to the sponsor: the top <paramref name="size"/> in order, and any proposal
    /// sharing the last place's rank (a tie is not broken by the list's length).
    /// </summary>
    public static IReadOnlyList<T> ShortlistHead<T>(IEnumerable<T> ranking, Func<T, int> rank, int size)
    {
        var ordered = ranking.OrderBy(rank).ToList();
        if (ordered.Count == 0 || size < 1) return [];
        var cut = rank(ordered.Take(size).Last());
        return [.. ordered.TakeWhile((e, i) => i < size || rank(e) == cut)];
    }

    public static IReadOnlyList<RankedProposal> AsRanked(IEnumerable<RankingLine> lines) =>
        [.. lines.Select(l => new RankedProposal(l.ProposalId, l.Rank, l.Score, l.Price, l.ReceivedAt))];
}
