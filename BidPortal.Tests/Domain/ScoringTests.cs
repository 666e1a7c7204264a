using BidPortal.Domain.Evaluation;

namespace BidPortal.Tests.Domain;

/// <summary>The numbers of DOMAIN.md are the test cases.</summary>
public class ScoringTests
{
    [Theory]
    [InlineData(100_000, 10.00)]
    [InlineData(120_000, 8.33)]
    [InlineData(150_000, 6.67)]
    public void PriceScore_LowestOverThisTimesPoints_RoundedForDisplay(decimal price, decimal expected) =>
        Assert.Equal(expected, Scoring.Round2(Scoring.PriceScore(100_000m, price, 10m)));

    [Fact]
    public void Round2_IsHalfAwayFromZero() =>
        Assert.Equal((2.68m, 2.67m, -2.68m), (Scoring.Round2(2.675m), Scoring.Round2(2.6749m), Scoring.Round2(-2.675m)));

    [Fact]
    public void PanelScore_UnderFiveEvaluators_IsTheMean() =>
        Assert.Equal(80m, Scoring.PanelScore([70m, 80m, 90m, 80m]));

    [Fact]
    public void PanelScore_FromFiveEvaluators_DropsOneHighestAndOneLowest() =>
        Assert.Equal(80m, Scoring.PanelScore([40m, 78m, 80m, 82m, 99m]));

    [Fact]
    public void Outlier_IsMoreThan30PercentOffThePanelMean()
    {
        Assert.False(Scoring.IsOutlier(56m, 80m));
        Assert.True(Scoring.IsOutlier(55.9m, 80m));
        Assert.True(Scoring.IsOutlier(104.1m, 80m));
    }

    [Fact]
    public void AbnormallyLowPrice_Is40PercentOrMoreBelowTheMeanOfTheOthers()
    {
        // DOMAIN.md: price <= 0.60 x the mean of the others, so exactly 40% below is flagged.
        Assert.True(Scoring.IsAbnormallyLow(60_000m, [100_000m, 100_000m]));
        Assert.True(Scoring.IsAbnormallyLow(59_999m, [100_000m, 100_000m]));
        Assert.False(Scoring.IsAbnormallyLow(60_001m, [100_000m, 100_000m]));
    }

    [Fact]
    public void Rank_ByScoreThenPriceThenReceipt_SharingRankWhenAllEqual()
    {
        var t = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var ranked = Scoring.Rank(
        [
            new RankInput(1, 80m, 100m, t),
            new RankInput(2, 90m, 100m, t),
            new RankInput(3, 80m, 90m, t),          // same score as 1, cheaper
            new RankInput(4, 80m, 100m, t.AddHours(-1)), // same as 1, earlier
            new RankInput(5, 80m, 100m, t),         // all equal with 1
        ]);
        Assert.Equal([2, 3, 4, 1, 5], ranked.Select(r => r.ProposalId));
        Assert.Equal([1, 2, 3, 4, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_ThreeEqual_Shares_1_1_3()
    {
        var t = DateTimeOffset.UnixEpoch;
        var ranked = Scoring.Rank([new RankInput(1, 90m, 1m, t), new RankInput(2, 90m, 1m, t), new RankInput(3, 80m, 1m, t)]);
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_ComparesUnroundedScores()
    {
        var t = DateTimeOffset.UnixEpoch;
        // Both show as 85.00, but 85.004 ranks above 84.996 although it is dearer.
        var ranked = Scoring.Rank([new RankInput(1, 84.996m, 90m, t), new RankInput(2, 85.004m, 100m, t)]);
        Assert.Equal([2, 1], ranked.Select(r => r.ProposalId));
    }
}
