using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class TenderProjectTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly Campaign _campaign = Build.Campaign();
    private readonly Institution _pku = Build.Institution("PKU", InstitutionCategory.NationalCadreBase).WithId(1);

    [Fact]
    public void Consolidate_SumsHeadcountAndBudget_AndMarksSourcesConsolidated()
    {
        var a = Build.ApprovedFiling(_campaign, _clock, headcount: 50, budget: 120_000m);
        var b = Build.ApprovedFiling(_campaign, _clock, headcount: 30, budget: 80_500m);
        var project = TenderProject.Consolidate(_campaign, "P-01", "整合班", "Merged", "", Theme.EconomicManagement, ["Finance", "audit "], [a, b]);
        Assert.Equal(80, project.Headcount);
        Assert.Equal(200_500m, project.BudgetCeiling);
        Assert.Equal(["audit", "finance"], project.Tags);
        Assert.All([a, b], f => Assert.Equal(FilingStatus.Consolidated, f.Status));
        Assert.Equal(2, project.Sources.Count);
    }

    [Fact]
    public void Consolidate_WithGivenTotals_UsesThem_AndTheyStayEditableInDraft()
    {
        var project = TenderProject.Consolidate(_campaign, "P-01", "整合班", "", "", Theme.EconomicManagement, ["finance"],
            [Build.ApprovedFiling(_campaign, _clock)], headcount: 45, budgetCeiling: 99_000m);
        Assert.Equal((45, 99_000m), (project.Headcount, project.BudgetCeiling));
        project.SetTotals(40, 90_000m);
        Assert.Equal((40, 90_000m), (project.Headcount, project.BudgetCeiling));
    }

    [Fact]
    public void Consolidate_UnapprovedOrAlreadyMergedFiling_IsRefused()
    {
        var submitted = new Filing(_campaign, Build.Unit(), Build.Details(), _clock);
        submitted.Submit(_clock);
        Assert.Equal("Project.SourceNotApproved", Assert.Throws<DomainException>(() =>
            TenderProject.Consolidate(_campaign, "P", "T", "", "", Theme.EconomicManagement, [], [submitted])).Key);
        var approved = Build.ApprovedFiling(_campaign, _clock);
        TenderProject.Consolidate(_campaign, "P", "T", "", "", Theme.EconomicManagement, [], [approved]);
        Assert.Equal("Project.SourceNotApproved", Assert.Throws<DomainException>(() =>
            TenderProject.Consolidate(_campaign, "Q", "T", "", "", Theme.EconomicManagement, [], [approved])).Key);
        Assert.Equal("Project.NoSources", Assert.Throws<DomainException>(() =>
            TenderProject.Consolidate(_campaign, "R", "T", "", "", Theme.EconomicManagement, [], [])).Key);
    }

    [Fact]
    public void Publish_WithoutInvitations_OrWithPastDeadline_IsRefused()
    {
        var project = Build.Project(_campaign, _clock);
        Assert.Equal("Project.NoInvitations", Assert.Throws<DomainException>(() => project.Publish(_clock.GetUtcNow().AddDays(7), _clock)).Key);
        project.Invite(_pku, InvitationBasis.Comprehensive);
        Assert.Equal("Project.DeadlineInPast", Assert.Throws<DomainException>(() => project.Publish(_clock.GetUtcNow(), _clock)).Key);
        project.Publish(_clock.GetUtcNow().AddDays(7), _clock);
        Assert.Equal(ProjectStatus.Open, project.Status);
        Assert.Equal("Project.WrongStatus", Assert.Throws<DomainException>(() => project.Publish(_clock.GetUtcNow().AddDays(8), _clock)).Key);
    }

    [Fact]
    public void Invite_ByHand_NeedsANote_AndTwiceIsRefused()
    {
        var project = Build.Project(_campaign, _clock);
        Assert.Equal("Invitation.NoteRequired", Assert.Throws<DomainException>(() => project.Invite(_pku, InvitationBasis.AddedByOrganizer)).Key);
        project.Invite(_pku, InvitationBasis.AddedByOrganizer, "曾合作");
        Assert.Equal("Invitation.AlreadyInvited", Assert.Throws<DomainException>(() => project.Invite(_pku, InvitationBasis.Comprehensive)).Key);
    }

    [Fact]
    public void AcceptsProposals_UntilTheDeadline_NotAtIt()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        Assert.True(project.AcceptsProposals(_clock.GetUtcNow().AddDays(7).AddTicks(-1)));
        Assert.False(project.AcceptsProposals(_clock.GetUtcNow().AddDays(7)));
    }

    [Fact]
    public void ExtendDeadline_BeforeItPasses_ToALaterTime()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var deadline = project.Deadline!.Value;
        Assert.Equal("Project.ExtensionNotLater", Assert.Throws<DomainException>(() => project.ExtendDeadline(deadline, _clock)).Key);
        project.ExtendDeadline(deadline.AddDays(3), _clock);
        Assert.Equal(deadline.AddDays(3), project.Deadline);
        _clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal("Project.DeadlinePassed", Assert.Throws<DomainException>(() => project.ExtendDeadline(deadline.AddDays(20), _clock)).Key);
    }

    [Fact]
    public void Open_BeforeDeadline_IsRefused_AfterIt_DependsOnTheMinimum()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        Assert.Equal("Project.OpenBeforeDeadline", Assert.Throws<DomainException>(() => project.Open(5, _clock)).Key);
        _clock.Advance(TimeSpan.FromDays(7));
        project.Open(3, _clock);
        Assert.Equal(ProjectStatus.Opened, project.Status);
        Assert.Equal(_clock.GetUtcNow(), project.OpenedAt);
    }

    [Fact]
    public void Open_WithFewerThanThreeValid_IsUnsuccessful_ThenRerunOrCancel()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        _clock.Advance(TimeSpan.FromDays(8));
        project.Open(2, _clock);
        Assert.Equal(ProjectStatus.Unsuccessful, project.Status);
        project.Rerun();
        Assert.Equal(ProjectStatus.Draft, project.Status);
        Assert.Null(project.Deadline);
        project.Cancel("主办单位取消");
        Assert.Equal(ProjectStatus.Cancelled, project.Status);
        Assert.Equal("Project.WrongStatus", Assert.Throws<DomainException>(() => project.Cancel("again")).Key);
    }

    [Fact]
    public void Rubric_ChangesOnlyAsADraft_AndStartEvaluation_NeedsAPanelOfThree()
    {
        var draft = Build.Project(Build.Campaign(), _clock);
        CriterionDraft design = new("方案", "Design", 60, false), price = new("报价", "Price", 10, true);
        Assert.Equal("Rubric.OnePrice", Assert.Throws<DomainException>(() => draft.ReplaceRubric([design, price, new("报价2", "Price 2", 30, true)])).Key);
        Assert.Equal("Rubric.SumNot100", Assert.Throws<DomainException>(() => draft.ReplaceRubric([design, price])).Key);
        draft.ReplaceRubric([design, price, new("师资", "Faculty", 30, false)]);
        Assert.Equal(3, draft.Criteria.Count);

        var project = Build.OpenProject(_clock, TimeSpan.FromDays(1));
        Assert.Equal("Rubric.AfterPublication", Assert.Throws<DomainException>(() => project.ReplaceRubric(Rubric.Default)).Key);
        _clock.Advance(TimeSpan.FromDays(2));
        project.Open(3, _clock);
        project.AddPanelMember("u1", "王教授");
        project.AddPanelMember("u2", "李教授");
        Assert.Equal("Panel.AlreadyMember", Assert.Throws<DomainException>(() => project.AddPanelMember("u1", "王教授")).Key);
        Assert.Equal("Panel.TooSmall", Assert.Throws<DomainException>(project.StartEvaluation).Key);
        project.AddPanelMember("u3", "张教授");
        project.StartEvaluation();
        Assert.Equal(ProjectStatus.Evaluating, project.Status);
    }

    [Fact]
    public void Finalise_KeepsTheTopN_InRankOrder_ThenAward_NeedsAReasonBelowFirst()
    {
        var project = EvaluatingProject();
        var at = _clock.GetUtcNow();
        project.Finalise(0, [Line(11, 1)], _clock);
        Assert.Equal(ProjectStatus.Finalised, project.Status);
        project.PublishShortlist(
        [
            new RankedProposal(11, 1, 88.5m, 100_000m, at), new RankedProposal(12, 2, 80m, 90_000m, at),
            new RankedProposal(13, 3, 75m, 95_000m, at), new RankedProposal(14, 4, 60m, 99_000m, at),
        ], 3, 3, _clock);
        Assert.Equal(ProjectStatus.Shortlisted, project.Status);
        Assert.Equal([11, 12, 13], project.Shortlist.OrderBy(s => s.Position).Select(s => s.ProposalId));
        _clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("Award.NotShortlisted", Assert.Throws<DomainException>(() => project.Award(14, 4, "x", "sponsor", _clock)).Key);
        Assert.Equal("Award.ReasonRequired", Assert.Throws<DomainException>(() => project.Award(12, 2, null, "sponsor", _clock)).Key);
        var award = project.Award(12, 2, "档期冲突", "sponsor", _clock);
        Assert.Equal((90_000m, "档期冲突"), (award.Amount, award.Reason));
        Assert.Equal(ProjectStatus.Awarded, project.Status);
    }

    [Fact]
    public void Complete_NeedsTheExecutionRecordCompleted()
    {
        var project = EvaluatingProject();
        project.Finalise(0, [Line(11, 1)], _clock);
        project.PublishShortlist([new RankedProposal(11, 1, 90m, 100_000m, _clock.GetUtcNow())], 3, 3, _clock);
        _clock.Advance(TimeSpan.FromDays(3));
        var award = project.Award(11, 1, null, "sponsor", _clock);
        var record = new ExecutionRecord(award);
        Assert.Equal("Execution.NotFinished", Assert.Throws<DomainException>(() => project.Complete(record)).Key);
        var today = _campaign.LocalDate(_clock.GetUtcNow());
        record.RecordHeld(today.AddDays(-5), today.AddDays(-1), 48, 99_000m, today);
        record.SubmitReport(_campaign, _clock);
        project.Complete(record);
        Assert.Equal(ProjectStatus.Completed, project.Status);
    }

    private RankingLine Line(int proposalId, int rank) =>
        new(proposalId, rank, 90m, 100_000m, _clock.GetUtcNow(), 10m, new Dictionary<int, decimal>(), [], false);

    private TenderProject EvaluatingProject()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(1));
        foreach (var name in new[] { "王教授", "李教授", "张教授" }) project.AddPanelMember(name, name);
        _clock.Advance(TimeSpan.FromDays(2));
        project.Open(4, _clock);
        project.StartEvaluation();
        return project;
    }
}
