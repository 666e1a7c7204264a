using BidPortal.Domain;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class QuestionTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();

    [Fact]
    public void Ask_ThenAnswerOnce()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var question = new Question(project, project.Invitations.Single(), "是否包含住宿？", _clock);
        Assert.Equal(QuestionStatus.Asked, question.Status);
        Assert.Equal("Field.Required", Assert.Throws<DomainException>(() => question.AnswerWith("", false, _clock)).Key);
        question.AnswerWith("包含", isMaterial: false, _clock);
        Assert.Equal(QuestionStatus.Answered, question.Status);
        Assert.Equal("Question.AlreadyAnswered", Assert.Throws<DomainException>(() => question.AnswerWith("x", false, _clock)).Key);
    }

    [Fact]
    public void Ask_AfterDeadline_OrUninvited_IsRefused()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var invitation = project.Invitations.Single();
        invitation.Decline(_clock);
        Assert.Equal("Question.NotInvited", Assert.Throws<DomainException>(() => new Question(project, invitation, "?", _clock)).Key);
        var open = Build.OpenProject(_clock, TimeSpan.FromDays(1));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("Question.Closed", Assert.Throws<DomainException>(() => new Question(open, open.Invitations.Single(), "?", _clock)).Key);
    }

    [Theory]
    [InlineData(true, 4, false)]
    [InlineData(true, 3, true)]
    [InlineData(false, 1, false)]
    public void MaterialAnswer_InTheLastThreeDays_CallsForAnExtension(bool material, int daysBeforeDeadline, bool expected)
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var question = new Question(project, project.Invitations.Single(), "课程是否可调整？", _clock);
        _clock.Advance(TimeSpan.FromDays(7 - daysBeforeDeadline));
        question.AnswerWith("可以", material, _clock);
        Assert.Equal(expected, question.CallsForExtension(project.Deadline!.Value));
    }
}
