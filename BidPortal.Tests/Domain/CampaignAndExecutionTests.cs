using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class CampaignAndExecutionTests
{
    [Fact]
    public void Campaign_MovesThroughItsStepsInOrder_AndRefusesSkipping()
    {
        var campaign = new Campaign(2026, "2026年度", "2026");
        Assert.Equal("Campaign.WrongStatus", Assert.Throws<DomainException>(campaign.StartTendering).Key);
        campaign.OpenFiling();
        campaign.StartTendering();
        campaign.StartExecution();
        campaign.Close();
        Assert.Equal(CampaignStatus.Closed, campaign.Status);
        Assert.Equal("Campaign.Closed", Assert.Throws<DomainException>(() => campaign.ConfigureRules(10, 15, 3, 7, 3, 3)).Key);
    }

    [Fact]
    public void Campaign_Rules_AreConfigurable_AndChecked()
    {
        var campaign = Build.Campaign();
        campaign.ConfigureRules(12, 20, 2, 10, 4, 5);
        Assert.Equal(new DateOnly(2026, 4, 28), campaign.DocumentsDueFor(new DateOnly(2026, 5, 10)));
        Assert.Equal(new DateOnly(2026, 5, 30), campaign.ReportDueFor(new DateOnly(2026, 5, 10)));
        Assert.Equal("Campaign.WindowTooShort", Assert.Throws<DomainException>(() => campaign.ConfigureRules(10, 15, 3, 0, 3, 3)).Key);
    }

    [Fact]
    public void Execution_HeldThenReported_LateAfterFifteenDays()
    {
        var clock = Build.Clock();
        var campaign = Build.Campaign();
        var project = Build.OpenProject(clock, TimeSpan.FromDays(1));
        foreach (var name in new[] { "王", "李", "张" }) project.AddPanelMember(name, name);
        clock.Advance(TimeSpan.FromDays(2));
        project.Open(3, clock);
        project.StartEvaluation();
        project.Finalise(0, [new BidPortal.Domain.Evaluation.RankingLine(1, 1, 90, 100_000, clock.GetUtcNow(), 10, new Dictionary<int, decimal>(), [], false)], clock);
        project.PublishShortlist([new BidPortal.Domain.Evaluation.RankedProposal(1, 1, 90, 100_000, clock.GetUtcNow())], 3, 3, clock);
        clock.Advance(TimeSpan.FromDays(3));
        var record = new ExecutionRecord(project.Award(1, 1, null, "s", clock));

        Assert.Equal("Execution.NotHeld", Assert.Throws<DomainException>(() => record.SubmitReport(campaign, clock)).Key);
        Assert.Equal("Execution.EndBeforeStart", Assert.Throws<DomainException>(() =>
            record.RecordHeld(new DateOnly(2026, 5, 15), new DateOnly(2026, 5, 11), 40, 1, new DateOnly(2026, 5, 20))).Key);
        record.RecordHeld(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), 48, 98_000m, new DateOnly(2026, 3, 6));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 22, 2, 0, 0, TimeSpan.Zero)); // day 16 after the end
        record.SubmitReport(campaign, clock);
        Assert.Equal((ExecutionStatus.Completed, true), (record.Status, record.ReportLate));
        Assert.Equal("Execution.AlreadyCompleted", Assert.Throws<DomainException>(() =>
            record.RecordHeld(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), 48, 1, new DateOnly(2026, 3, 22))).Key);
    }
}
