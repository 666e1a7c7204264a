using BidPortal.Domain;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Domain;

/// <summary>Step 9's rules: the public notice (公示), objections (质疑) and the award that waits for both.</summary>
public class NoticeAndAwardTests
{
    private readonly FakeTimeProvider _clock = Build.Clock();

    [Fact]
    public void Award_DuringTheNotice_IsRefused_AndAllowedTheMomentItEnds()
    {
        var project = ShortlistedProject(noticeDays: 3);
        _clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        var refused = Assert.Throws<DomainException>(() => project.Award(11, 1, null, "sponsor", _clock));
        Assert.Equal("Award.DuringNotice", refused.Key);
        Assert.Equal(project.NoticeEndsAt, refused.Args[0]);
        Assert.Equal(ProjectStatus.Shortlisted, project.Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        project.Award(11, 1, null, "sponsor", _clock);
        Assert.Equal(ProjectStatus.Awarded, project.Status);
    }

    [Fact]
    public void Award_WithAnObjectionUnanswered_IsRefused_UntilTheOrganizerAnswers()
    {
        var project = ShortlistedProject(noticeDays: 3);
        _clock.Advance(TimeSpan.FromDays(1));
        var objection = project.FileObjection(4, "评分表中第二项分值与方案不符", "inst.whu", _clock);
        _clock.Advance(TimeSpan.FromDays(5));

        var refused = Assert.Throws<DomainException>(() => project.Award(11, 1, null, "sponsor", _clock));
        Assert.Equal(("Award.ObjectionOpen", (object)1), (refused.Key, refused.Args[0]));
        Assert.False(project.AcceptsAward(_clock.GetUtcNow()));

        objection.Respond("经复核，评分无误。", reopenedScoring: false, "organizer", _clock);
        Assert.True(project.AcceptsAward(_clock.GetUtcNow()));
        project.Award(11, 1, null, "sponsor", _clock);
    }

    [Fact]
    public void NonFirstPick_WithoutAReason_IsRefused_WithOne_IsKept()
    {
        var project = ShortlistedProject(noticeDays: 1);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("Award.ReasonRequired", Assert.Throws<DomainException>(() => project.Award(12, 2, "  ", "sponsor", _clock)).Key);
        Assert.Equal("Award.TooLong", Assert.Throws<DomainException>(() => project.Award(12, 2, new string('理', 2001), "sponsor", _clock)).Key);
        var award = project.Award(12, 2, "档期冲突", "sponsor", _clock);
        Assert.Equal((12, 90_000m, "档期冲突"), (award.ProposalId, award.Amount, award.Reason));
    }

    [Fact]
    public void Objection_OnlyDuringTheNotice_OneOpenPerInstitution_AnsweredOnce()
    {
        var project = ShortlistedProject(noticeDays: 3);
        Assert.Equal("Objection.ReasonRequired", Assert.Throws<DomainException>(() => project.FileObjection(4, " ", "x", _clock)).Key);
        var first = project.FileObjection(4, "理由", "inst.whu", _clock);
        Assert.Equal("Objection.AlreadyOpen", Assert.Throws<DomainException>(() => project.FileObjection(4, "再一次", "inst.whu", _clock)).Key);
        project.FileObjection(5, "另一家", "inst.xmu", _clock);

        Assert.Equal("Objection.AnswerRequired", Assert.Throws<DomainException>(() => first.Respond("", false, "organizer", _clock)).Key);
        first.Respond("已复核", false, "organizer", _clock);
        Assert.Equal("Objection.AlreadyAnswered", Assert.Throws<DomainException>(() => first.Respond("改口", false, "organizer", _clock)).Key);
        Assert.Equal("已复核", first.Answer);
        project.FileObjection(4, "补充理由", "inst.whu", _clock);

        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("Objection.NoticeClosed", Assert.Throws<DomainException>(() => project.FileObjection(6, "迟到", "x", _clock)).Key);
    }

    [Fact]
    public void Reopening_WithdrawsTheNotice_ANewPublicationStartsANewOne()
    {
        var project = ShortlistedProject(noticeDays: 3);
        project.ReopenScoring("质疑成立，重新评分", "organizer", _clock);
        Assert.Null(project.NoticeEndsAt);
        Assert.False(project.InNotice(_clock.GetUtcNow()));
        Assert.Equal("Objection.NoticeClosed", Assert.Throws<DomainException>(() => project.FileObjection(4, "x", "x", _clock)).Key);
        Assert.Equal("Campaign.NoticeDaysRange", Assert.Throws<DomainException>(() =>
            project.PublishShortlist([new RankedProposal(11, 1, 90m, 100_000m, _clock.GetUtcNow())], 3, 0, _clock)).Key);
    }

    [Fact]
    public void Campaign_NoticeDays_DefaultThree_OneToThirty()
    {
        var campaign = Build.Campaign();
        Assert.Equal(3, campaign.NoticeDays);
        campaign.SetNoticeDays(5);
        Assert.Equal(5, campaign.NoticeDays);
        Assert.Equal("Campaign.NoticeDaysRange", Assert.Throws<DomainException>(() => campaign.SetNoticeDays(0)).Key);
        Assert.Equal("Campaign.NoticeDaysRange", Assert.Throws<DomainException>(() => campaign.SetNoticeDays(31)).Key);
    }

    [Fact]
    public void Execution_Stage_InExecution_ThenReportOverdue_AfterFifteenDays_CompletedWithTheReport()
    {
        var campaign = Build.Campaign();
        var project = ShortlistedProject(noticeDays: 1);
        _clock.Advance(TimeSpan.FromDays(1));
        var record = new ExecutionRecord(project.Award(11, 1, null, "sponsor", _clock));
        var today = campaign.LocalDate(_clock.GetUtcNow());
        Assert.Equal(ExecutionStage.InExecution, record.StageOn(campaign, today));
        Assert.Null(record.ReportDue(campaign));

        record.RecordHeld(today.AddDays(-20), today.AddDays(-16), 48, 99_500m, today, "场地费节约", "sponsor", _clock);
        Assert.Equal(today.AddDays(-1), record.ReportDue(campaign));
        Assert.Equal(ExecutionStage.ReportOverdue, record.StageOn(campaign, today));
        Assert.Equal(ExecutionStage.InExecution, record.StageOn(campaign, today.AddDays(-1)));
        Assert.Equal(-500m, record.CostVariance);

        Assert.Equal("Execution.TraineesTooMany", Assert.Throws<DomainException>(() =>
            record.RecordHeld(today.AddDays(-5), today.AddDays(-1), ExecutionRecord.MaxTrainees + 1, 1, today)).Key);
        Assert.Equal("Execution.CostRange", Assert.Throws<DomainException>(() =>
            record.RecordHeld(today.AddDays(-5), today.AddDays(-1), 40, 0.001m, today)).Key);

        record.SubmitReport(campaign, _clock, "reports/1.pdf", "总结.pdf", "sponsor");
        Assert.Equal((ExecutionStage.Completed, true), (record.StageOn(campaign, today), record.ReportLate));
    }

    [Fact]
    public void ReportReminders_ThreeDaysBefore_AndTheDayAfter_NoneOnceReported()
    {
        var campaign = Build.Campaign();
        var project = ShortlistedProject(noticeDays: 1);
        _clock.Advance(TimeSpan.FromDays(1));
        var record = new ExecutionRecord(project.Award(11, 1, null, "sponsor", _clock));
        var end = campaign.LocalDate(_clock.GetUtcNow());
        Assert.Empty(ExecutionReminders.DueOn(record, campaign, end));
        record.RecordHeld(end.AddDays(-2), end, 30, 90_000m, end);
        var due = end.AddDays(campaign.ReportDueDays);
        Assert.Equal([new ExecutionReminders.Due(BidPortal.Domain.Filings.ReminderKind.DueSoon, due)],
            ExecutionReminders.DueOn(record, campaign, due.AddDays(-campaign.ReminderLeadDays)));
        Assert.Empty(ExecutionReminders.DueOn(record, campaign, due));
        Assert.Equal([new ExecutionReminders.Due(BidPortal.Domain.Filings.ReminderKind.Overdue, due)],
            ExecutionReminders.DueOn(record, campaign, due.AddDays(1)));
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u200F")]
    [InlineData(" \u2060 ")]
    public void AReasonOfInvisibleCharacters_IsNoReason(string invisible)
    {
        var project = ShortlistedProject(noticeDays: 1);
        Assert.Equal("Objection.ReasonRequired", Assert.Throws<DomainException>(() => project.FileObjection(4, invisible, "x", _clock)).Key);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("Award.ReasonRequired", Assert.Throws<DomainException>(() => project.Award(12, 2, invisible, "sponsor", _clock)).Key);
        Assert.Equal(ProjectStatus.Shortlisted, project.Status);
    }

    [Fact]
    public void Execution_ACourseNotYetOver_OrAnOverspendWithoutANote_IsRefused()
    {
        var project = ShortlistedProject(noticeDays: 1);
        _clock.Advance(TimeSpan.FromDays(1));
        var record = new ExecutionRecord(project.Award(11, 1, null, "sponsor", _clock));
        var today = Build.Campaign().LocalDate(_clock.GetUtcNow());
        var future = Assert.Throws<DomainException>(() => record.RecordHeld(today, today.AddDays(1), 40, 90_000m, today));
        Assert.Equal(("Execution.HeldInFuture", (object)today.AddDays(1)), (future.Key, future.Args[0]));
        var over = Assert.Throws<DomainException>(() => record.RecordHeld(today.AddDays(-3), today, 40, 100_000.01m, today, " \u200B"));
        Assert.Equal("Execution.OverspendNeedsNote", over.Key);
        Assert.Null(record.HeldEnd);
        record.RecordHeld(today.AddDays(-3), today, 40, 100_000.01m, today, "增加了一天现场教学");
        Assert.Equal(0.01m, record.CostVariance);
    }

    private TenderProject ShortlistedProject(int noticeDays)
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(1));
        foreach (var name in new[] { "王教授", "李教授", "张教授" }) project.AddPanelMember(name, name);
        _clock.Advance(TimeSpan.FromDays(2));
        project.Open(4, _clock);
        project.StartEvaluation();
        var at = _clock.GetUtcNow();
        project.Finalise(0, [new RankingLine(11, 1, 90m, 100_000m, at, 10m, new Dictionary<int, decimal>(), [], false)], _clock);
        project.PublishShortlist(
        [
            new RankedProposal(11, 1, 88.5m, 100_000m, at), new RankedProposal(12, 2, 80m, 90_000m, at),
            new RankedProposal(13, 3, 75m, 95_000m, at), new RankedProposal(14, 4, 60m, 99_000m, at),
        ], 3, noticeDays, _clock);
        return project;
    }
}
