using BidPortal.Domain;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class EvaluationTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly TenderProject _project;
    private readonly Criterion _design;
    private readonly Criterion _faculty;
    private readonly Criterion _price;
    private readonly PanelMember _wang;

    public EvaluationTests()
    {
        _project = Build.OpenProject(_clock, TimeSpan.FromDays(1),
            [new CriterionDraft("方案设计", "Design", 60, false), new CriterionDraft("师资力量", "Faculty", 30, false), new CriterionDraft("报价", "Price", 10, true)]);
        var criteria = _project.OrderedCriteria;
        _design = criteria[0].WithId(1);
        _faculty = criteria[1].WithId(2);
        _price = criteria[2].WithId(3);
        _wang = _project.AddPanelMember("u1", "王教授").WithId(1);
    }

    [Fact]
    public void Sheet_ScoresTypedCriteria_WithinTheirMaximum_AndNeverPrice()
    {
        var sheet = new ScoreSheet(_wang, 11);
        Assert.Equal("Score.OutOfRange", Assert.Throws<DomainException>(() => sheet.Record(_design, 61, null)).Key);
        Assert.Equal("Score.OutOfRange", Assert.Throws<DomainException>(() => sheet.Record(_design, -1, null)).Key);
        Assert.Equal("Score.PriceComputed", Assert.Throws<DomainException>(() => sheet.Record(_price, 10, null)).Key);
        sheet.Record(_design, 50, null);
        sheet.Record(_design, 55, null);
        Assert.Equal(55, sheet.TypedTotal);
    }

    [Fact]
    public void Submit_NeedsEveryTypedCriterion_ThenLocksTheSheet()
    {
        var sheet = new ScoreSheet(_wang, 11);
        sheet.Record(_design, 50, null);
        var error = Assert.Throws<DomainException>(() => sheet.Submit(_project.Criteria, 10, [], null, _clock));
        Assert.Equal("Score.Incomplete", error.Key);
        Assert.Contains("师资力量", error.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
        sheet.Record(_faculty, 25, null);
        sheet.Submit(_project.Criteria, 10, [], null, _clock);
        Assert.Equal(ScoreSheetStatus.Submitted, sheet.Status);
        Assert.Equal("Score.AlreadySubmitted", Assert.Throws<DomainException>(() => sheet.Record(_design, 10, null)).Key);
        Assert.Equal("Score.AlreadySubmitted", Assert.Throws<DomainException>(() => sheet.Submit(_project.Criteria, 10, [], null, _clock)).Key);
    }

    [Fact]
    public void OutlierReason_OnlyOnASubmittedSheet()
    {
        var sheet = new ScoreSheet(_wang, 11);
        Assert.Equal("Score.NotSubmitted", Assert.Throws<DomainException>(() => sheet.JustifyOutlier("理由")).Key);
    }

    [Fact]
    public void Conflict_KeepsTheEvaluatorFromScoring_AndCannotComeAfterScoring()
    {
        _wang.DeclareConflict(11, "曾在该机构兼职", _clock, alreadyScored: false);
        Assert.True(_wang.IsConflicted(11));
        Assert.Equal("Conflict.CannotScore", Assert.Throws<DomainException>(() => new ScoreSheet(_wang, 11)).Key);
        Assert.Equal("Conflict.AfterScoring", Assert.Throws<DomainException>(() => _wang.DeclareConflict(12, "x", _clock, alreadyScored: true)).Key);
    }

    [Fact]
    public void Ranking_PriceScoreFromLowestValid_AndConflictedSheetLeftOut()
    {
        var t = _clock.GetUtcNow();
        RankingSheet Sheet(int member, int proposal, decimal design, decimal faculty) =>
            new(member, proposal, new Dictionary<int, decimal> { [1] = design, [2] = faculty }, null);
        var lines = ProjectRanking.Compute(_project.Criteria,
            [new RankingProposal(11, 100_000m, t), new RankingProposal(12, 120_000m, t), new RankingProposal(13, 150_000m, t)],
            [Sheet(1, 11, 50, 20), Sheet(2, 11, 40, 20), Sheet(1, 12, 55, 25), Sheet(2, 12, 0, 0), Sheet(1, 13, 50, 25), Sheet(2, 13, 50, 25)],
            new HashSet<(int, int)> { (2, 12) });
        var byId = lines.ToDictionary(l => l.ProposalId);
        Assert.Equal([10.00m, 8.33m, 6.67m], lines.OrderBy(l => l.ProposalId).Select(l => Scoring.Round2(l.PriceScore)));
        // 12: only evaluator 1 counts (2 is conflicted): 55 + 25 + 8.333 = 88.33
        Assert.Equal(88.33m, Scoring.Round2(byId[12].Score));
        Assert.Single(byId[12].Evaluators);
        Assert.Equal(81.67m, Scoring.Round2(byId[13].Score));
        Assert.Equal(75m, byId[11].Score);
        Assert.Equal([12, 13, 11], lines.Select(l => l.ProposalId));
        Assert.Equal(45m, Scoring.Round2(byId[11].CriterionAverages[1]));
    }

    [Fact]
    public void Ranking_FlagsAnOutlierWithoutReason_AndAnAbnormallyLowPrice()
    {
        var t = _clock.GetUtcNow();
        var lines = ProjectRanking.Compute(_project.Criteria,
            [new RankingProposal(11, 50_000m, t), new RankingProposal(12, 100_000m, t), new RankingProposal(13, 100_000m, t)],
            [
                new RankingSheet(1, 11, new Dictionary<int, decimal> { [1] = 20, [2] = 10 }, null),
                new RankingSheet(2, 11, new Dictionary<int, decimal> { [1] = 55, [2] = 28 }, null),
                new RankingSheet(1, 12, new Dictionary<int, decimal> { [1] = 50, [2] = 25 }, null),
                new RankingSheet(1, 13, new Dictionary<int, decimal> { [1] = 50, [2] = 25 }, null),
            ], new HashSet<(int, int)>());
        var low = lines.Single(l => l.ProposalId == 11);
        Assert.True(low.AbnormallyLowPrice);
        Assert.True(low.NeedsOutlierReason);
        Assert.False(lines.Single(l => l.ProposalId == 12).AbnormallyLowPrice);
    }
}
