using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

/// <summary>
/// Resending and chasing are mail to outside institutions: one per invitation per hour, however often
/// the button is pressed, and the refusal says when the next may go (in Beijing time).
/// </summary>
public class MailBurstTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();

    private Invitation Sent()
    {
        var project = Build.Project(Build.Campaign(), _clock);
        var invitation = project.Invite(Build.Institution("PKU", InstitutionCategory.NationalCadreBase).WithId(1), InvitationBasis.Comprehensive);
        invitation.MarkSent(_clock);
        return invitation;
    }

    [Fact]
    public void A_resend_within_the_hour_of_the_last_send_is_refused_with_the_time_it_may_go()
    {
        var invitation = Sent();
        _clock.Advance(TimeSpan.FromMinutes(59));

        var refusal = Assert.Throws<DomainException>(() => invitation.Resend(_clock));

        Assert.Equal("Invitation.SentRecently", refusal.Key);
        Assert.Contains("北京时间", refusal.MessageIn(new CultureInfo("zh-CN")));
        _clock.Advance(TimeSpan.FromMinutes(1));
        invitation.Resend(_clock);
        Assert.Equal(_clock.GetUtcNow(), invitation.SentAt);
        Assert.Equal("Invitation.SentRecently", Assert.Throws<DomainException>(() => invitation.Resend(_clock)).Key);
    }

    [Fact]
    public void An_acknowledged_invitation_has_nothing_to_resend()
    {
        var invitation = Sent();
        invitation.Acknowledge(AcknowledgedVia.Portal, _clock);
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal("Invitation.NothingToResend", Assert.Throws<DomainException>(() => invitation.Resend(_clock)).Key);
    }

    [Fact]
    public void A_second_chase_within_the_hour_is_refused_and_counts_nothing()
    {
        var invitation = Sent();
        invitation.Chase(_clock);
        _clock.Advance(TimeSpan.FromMinutes(30));

        Assert.False(invitation.MayBeChased(_clock.GetUtcNow()));
        Assert.Equal("Invitation.ChasedRecently", Assert.Throws<DomainException>(() => invitation.Chase(_clock)).Key);
        Assert.Equal(1, invitation.ChaseCount);
        _clock.Advance(TimeSpan.FromMinutes(30));
        invitation.Chase(_clock);
        Assert.Equal(2, invitation.ChaseCount);
    }
}
