using BidPortal.Domain;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

/// <summary>
/// Issue 11's numbers through the whole ranking (<see cref="ProjectRanking.Compute"/>), not only the
/// single formulas <see cref="ScoringTests"/> checks: the panel score, each tie rule, each flag at its
/// threshold as the organizer's ranking shows it, and the shortlist's cut.
/// </summary>
public class RankingRulesTests
{
    private static readonly DateTimeOffset T = Build.Start;

    // Rubric: typed criteria 1 (60 points) and 2 (30 points), price 3 (10 points).
    private readonly IReadOnlyCollection<Criterion> _criteria;

    public RankingRulesTests()
    {
        var project = Build.OpenProject(Build.Clock(), TimeSpan.FromDays(1),
            [new CriterionDraft("方案设计", "Design", 60, false), new CriterionDraft("师资力量", "Faculty", 30, false), new CriterionDraft("报价", "Price", 10, true)]);
        var ordered = project.OrderedCriteria;
        _criteria = [ordered[0].WithId(1), ordered[1].WithId(2), ordered[2].WithId(3)];
    }

    /// <summary>A sheet whose typed points add up to <paramref name="typed"/> (the price score comes on top).</summary>
    private static RankingSheet Sheet(int member, int proposal, decimal typed, string? reason = null) =>
        new(member, proposal, new Dictionary<int, decimal> { [1] = Math.Min(typed, 60m), [2] = Math.Max(0m, typed - 60m) }, reason);

    private IReadOnlyList<RankingLine> Compute(IReadOnlyCollection<RankingProposal> proposals, IReadOnlyCollection<RankingSheet> sheets,
        params (int Member, int Proposal)[] conflicts) =>
        ProjectRanking.Compute(_criteria, proposals, sheets, conflicts.ToHashSet());

    [Fact]
    public void PriceScores_100k_120k_150k_With10Points_Are_10_8_33_6_67_InTheRanking()
    {
        var lines = Compute(
            [new RankingProposal(11, 100_000m, T), new RankingProposal(12, 120_000m, T), new RankingProposal(13, 150_000m, T)],
            [Sheet(1, 11, 80), Sheet(1, 12, 80), Sheet(1, 13, 80)]);
        Assert.Equal([10.00m, 8.33m, 6.67m], lines.OrderBy(l => l.ProposalId).Select(l => Scoring.Round2(l.PriceScore)));
        // The price column of the ranking is the price score.
        Assert.Equal([10.00m, 8.33m, 6.67m], lines.OrderBy(l => l.ProposalId).Select(l => Scoring.Round2(l.CriterionAverages[3])));
        Assert.Equal([90.00m, 88.33m, 86.67m], lines.Select(l => Scoring.Round2(l.Score)));
    }

    [Fact]
    public void FiveTotals_DropOneHighestAndOneLowest_FourAreThePlainMean()
    {
        // Totals with the 10 price points: 50, 78, 80, 82, 100.
        var five = Compute([new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 40), Sheet(2, 11, 68), Sheet(3, 11, 70), Sheet(4, 11, 72), Sheet(5, 11, 90, "理由")]);
        Assert.Equal(80m, five.Single().Score);
        Assert.Equal(5, five.Single().Evaluators.Count);
        Assert.Equal(50m, five.Single().Spread);

        var four = Compute([new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 40), Sheet(2, 11, 68), Sheet(3, 11, 70), Sheet(4, 11, 72)]);
        Assert.Equal(72.5m, four.Single().Score); // (50 + 78 + 80 + 82) / 4
    }

    [Fact]
    public void ConflictedEvaluator_IsLeftOut_FiveSeatsBecomeAPlainMeanOfFour()
    {
        var lines = Compute([new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 40), Sheet(2, 11, 68), Sheet(3, 11, 70), Sheet(4, 11, 72), Sheet(5, 11, 90)],
            (5, 11));
        var line = lines.Single();
        Assert.DoesNotContain(line.Evaluators, e => e.PanelMemberId == 5);
        Assert.Equal(72.5m, line.Score); // no longer trimmed: (50 + 78 + 80 + 82) / 4
        Assert.Equal(55m, line.CriterionAverages[1]); // (40 + 60 + 60 + 60) / 4
    }

    [Fact]
    public void EqualScores_LowerPriceFirst()
    {
        // 11: 100,000 → 10 price points + 70 = 80; 12: 125,000 → 8 points + 72 = 80.
        var lines = Compute([new RankingProposal(12, 125_000m, T), new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 70), Sheet(1, 12, 72)]);
        Assert.Equal([11, 12], lines.Select(l => l.ProposalId));
        Assert.Equal([1, 2], lines.Select(l => l.Rank));
        Assert.Equal(lines[0].Score, lines[1].Score);
    }

    [Fact]
    public void EqualScoresAndPrices_EarlierReceiptFirst()
    {
        var lines = Compute([new RankingProposal(11, 100_000m, T.AddMinutes(5)), new RankingProposal(12, 100_000m, T)],
            [Sheet(1, 11, 70), Sheet(1, 12, 70)]);
        Assert.Equal([12, 11], lines.Select(l => l.ProposalId));
        Assert.Equal([1, 2], lines.Select(l => l.Rank));
    }

    [Fact]
    public void EqualOnAllThree_ShareTheRank_1_1_3()
    {
        var lines = Compute(
            [new RankingProposal(11, 100_000m, T), new RankingProposal(12, 100_000m, T), new RankingProposal(13, 100_000m, T)],
            [Sheet(1, 11, 70), Sheet(1, 12, 70), Sheet(1, 13, 60)]);
        Assert.Equal([1, 1, 3], lines.Select(l => l.Rank));
        Assert.Equal(13, lines[2].ProposalId);
    }

    [Fact]
    public void Outlier_ExactlyThirtyPercentOffTheMean_IsNotFlagged_JustAboveIs()
    {
        // Totals 49, 70, 91 (price points included): mean 70, and 49 and 91 are exactly 30% (21 points) off it.
        var at = Compute([new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 39), Sheet(2, 11, 60), Sheet(3, 11, 81)]);
        Assert.Equal(70m, at.Single().Score);
        Assert.False(at.Single().HasOutlier);
        Assert.False(at.Single().NeedsOutlierReason);

        // Totals 48.9, 70.1, 91.0: mean still 70; 48.9 is 21.1 points off (just above 30%), 91.0 exactly 30%.
        var line = Compute([new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 38.9m), Sheet(2, 11, 60.1m), Sheet(3, 11, 81m)]).Single();
        Assert.Equal(70m, line.Score);
        Assert.Equal([true, false, false], line.Evaluators.OrderBy(e => e.PanelMemberId).Select(e => e.IsOutlier));
        Assert.True(line.NeedsOutlierReason);

        // With the written reason the flag stays (the organizer sees it) but no longer blocks finalising.
        var explained = Compute([new RankingProposal(11, 100_000m, T)],
            [Sheet(1, 11, 38.9m, "行业经验不足"), Sheet(2, 11, 60.1m), Sheet(3, 11, 81m)]).Single();
        Assert.True(explained.HasOutlier);
        Assert.False(explained.NeedsOutlierReason);
    }

    [Fact]
    public void SubmittingAtExactlyThirtyPercent_NeedsNoReason_JustAboveDoes()
    {
        // The check before submitting takes the mean of the submitted totals and this one.
        Assert.False(Scoring.IsOutlierAmong(49m, [70m, 91m]));
        Assert.True(Scoring.IsOutlierAmong(48.9m, [70.1m, 91m]));
    }

    [Fact]
    public void AbnormallyLow_AtSixtyPercentOfTheOthersMean_IsFlagged_JustAboveIsNot()
    {
        // Others: 90,000 and 110,000 → mean 100,000; 60,000 is exactly 40% below.
        var at = Compute(
            [new RankingProposal(11, 60_000m, T), new RankingProposal(12, 90_000m, T), new RankingProposal(13, 110_000m, T)],
            [Sheet(1, 11, 70), Sheet(1, 12, 70), Sheet(1, 13, 70)]);
        Assert.True(at.Single(l => l.ProposalId == 11).AbnormallyLowPrice);
        Assert.DoesNotContain(at, l => l.ProposalId != 11 && l.AbnormallyLowPrice);

        var above = Compute(
            [new RankingProposal(11, 60_000.01m, T), new RankingProposal(12, 90_000m, T), new RankingProposal(13, 110_000m, T)],
            [Sheet(1, 11, 70), Sheet(1, 12, 70), Sheet(1, 13, 70)]);
        Assert.DoesNotContain(above, l => l.AbnormallyLowPrice);
    }

    [Fact]
    public void AbnormallyLow_CountsEveryValidPrice_EvenUnscoredOnes()
    {
        // 13 has no sheet yet: it has no line, but its price is one of "the others".
        var lines = Compute(
            [new RankingProposal(11, 60_000m, T), new RankingProposal(12, 90_000m, T), new RankingProposal(13, 110_000m, T)],
            [Sheet(1, 11, 70), Sheet(1, 12, 70)]);
        Assert.Equal(2, lines.Count);
        Assert.True(lines.Single(l => l.ProposalId == 11).AbnormallyLowPrice);
    }

    [Fact]
    public void ShortlistHead_KeepsATieAtTheCut_AndOnlyThen()
    {
        RankedProposal R(int id, int rank) => new(id, rank, 90m - rank, 100_000m, T);
        Assert.Equal([1, 2], ProjectRanking.ShortlistHead([R(1, 1), R(2, 2), R(3, 3)], r => r.Rank, 2).Select(r => r.ProposalId));
        Assert.Equal([1, 2, 3], ProjectRanking.ShortlistHead([R(1, 1), R(2, 2), R(3, 2), R(4, 4)], r => r.Rank, 2).Select(r => r.ProposalId));
        Assert.Equal([1, 2, 3], ProjectRanking.ShortlistHead([R(1, 1), R(2, 1), R(3, 1), R(4, 4)], r => r.Rank, 1).Select(r => r.ProposalId));
        Assert.Equal([1, 2], ProjectRanking.ShortlistHead([R(1, 1), R(2, 2)], r => r.Rank, 5).Select(r => r.ProposalId));
    }

    [Fact]
    public void PublishShortlist_TieAtTheCut_BothGo_InRankOrder_WithTheirPositions()
    {
        var clock = Build.Clock();
        var project = Build.OpenProject(clock, TimeSpan.FromDays(1));
        foreach (var name in new[] { "王教授", "李教授", "张教授" }) project.AddPanelMember(name, name);
        clock.Advance(TimeSpan.FromDays(2));
        project.Open(4, clock);
        project.StartEvaluation();
        var lines = Compute(
            [new RankingProposal(11, 100_000m, T), new RankingProposal(12, 100_000m, T), new RankingProposal(13, 100_000m, T), new RankingProposal(14, 100_000m, T)],
            [Sheet(1, 11, 80), Sheet(1, 12, 70), Sheet(1, 13, 70), Sheet(1, 14, 60)]);
        project.Finalise(0, lines, clock);
        project.PublishShortlist(ProjectRanking.AsRanked(lines), 2, 3, clock);
        Assert.Equal([(11, 1, 1), (12, 2, 2), (13, 3, 2)],
            project.Shortlist.OrderBy(s => s.Position).Select(s => (s.ProposalId, s.Position, s.Rank)));
        Assert.Equal(2, project.ShortlistSize);
        Assert.Equal("Shortlist.SizeRange", Assert.Throws<DomainException>(() =>
        {
            project.ReopenScoring("复核", "organizer", clock);
            project.Finalise(0, lines, clock);
            project.PublishShortlist(ProjectRanking.AsRanked(lines), Bounds.MaxShortlist + 1, 3, clock);
        }).Key);
        Assert.Equal(ProjectStatus.Finalised, project.Status);
        Assert.Empty(project.Shortlist);
    }
}
