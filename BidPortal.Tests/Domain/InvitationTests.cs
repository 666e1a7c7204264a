using BidPortal.Domain;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class InvitationTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();

    private Invitation Listed()
    {
        var project = Build.Project(Build.Campaign(), _clock);
        return project.Invite(Build.Institution("PKU", InstitutionCategory.NationalCadreBase).WithId(1), InvitationBasis.Comprehensive);
    }

    [Fact]
    public void Listed_CanBeRemovedWithANote_ButNotOnceSent()
    {
        var invitation = Listed();
        Assert.Equal("Invitation.NoteRequired", Assert.Throws<DomainException>(() => invitation.Remove("")).Key);
        invitation.Remove("本年度不合作");
        Assert.Equal(InvitationStatus.Removed, invitation.Status);
        Assert.False(invitation.IsActive);

        var sent = Listed();
        sent.MarkSent(_clock);
        Assert.Equal("Invitation.AlreadySent", Assert.Throws<DomainException>(() => sent.Remove("x")).Key);
    }

    [Fact]
    public void SentDeliveredAcknowledged_InOrder()
    {
        var invitation = Listed();
        Assert.Equal("Invitation.WrongStatus", Assert.Throws<DomainException>(() => invitation.Acknowledge(AcknowledgedVia.Portal, _clock)).Key);
        invitation.MarkSent(_clock);
        _clock.Advance(TimeSpan.FromMinutes(1));
        invitation.MarkDelivered(_clock);
        _clock.Advance(TimeSpan.FromHours(3));
        invitation.Acknowledge(AcknowledgedVia.EmailLink, _clock);
        Assert.Equal(InvitationStatus.Acknowledged, invitation.Status);
        Assert.Equal(AcknowledgedVia.EmailLink, invitation.AcknowledgedVia);
        Assert.Equal(Build.Start.AddHours(3).AddMinutes(1), invitation.AcknowledgedAt);
        Assert.Equal("Invitation.AlreadyAcknowledged", Assert.Throws<DomainException>(() => invitation.Acknowledge(AcknowledgedVia.Portal, _clock)).Key);
    }

    [Fact]
    public void DeliveryFailure_IsRecorded_AndALaterDeliveryClearsIt()
    {
        var invitation = Listed();
        invitation.RecordDeliveryFailure("connection refused", _clock);
        Assert.Equal((InvitationStatus.Sent, "connection refused", 1), (invitation.Status, invitation.LastDeliveryError, invitation.DeliveryAttempts));
        invitation.MarkDelivered(_clock);
        Assert.Equal((InvitationStatus.Delivered, null, 2), (invitation.Status, invitation.LastDeliveryError, invitation.DeliveryAttempts));
    }

    [Fact]
    public void PhoneConfirmation_CountsAsAcknowledgement_AndCannotBeInTheFuture()
    {
        var invitation = Listed();
        invitation.MarkSent(_clock);
        Assert.Equal("Invitation.CallInFuture", Assert.Throws<DomainException>(() =>
            invitation.RecordPhoneConfirmation("张老师", _clock.GetUtcNow().AddHours(1), null, _clock)).Key);
        invitation.RecordPhoneConfirmation("张老师", _clock.GetUtcNow().AddHours(-1), "已确认参加", _clock);
        Assert.Equal((InvitationStatus.Acknowledged, AcknowledgedVia.Phone, "张老师"), (invitation.Status, invitation.AcknowledgedVia, invitation.PhoneConfirmedBy));
    }

    [Fact]
    public void Chase_OnlyUnanswered_AndDecline_EndsTheInvitation()
    {
        var invitation = Listed();
        Assert.Equal("Invitation.NothingToChase", Assert.Throws<DomainException>(() => invitation.Chase(_clock)).Key);
        invitation.MarkSent(_clock);
        invitation.Chase(_clock);
        _clock.Advance(Invitation.MailGap);
        invitation.Chase(_clock);
        Assert.Equal(2, invitation.ChaseCount);
        invitation.Decline(_clock);
        Assert.Equal(InvitationStatus.Declined, invitation.Status);
        Assert.False(invitation.IsActive);
        Assert.Equal("Invitation.NothingToChase", Assert.Throws<DomainException>(() => invitation.Chase(_clock)).Key);
    }
}
