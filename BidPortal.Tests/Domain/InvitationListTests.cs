using BidPortal.Domain;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class InvitationListTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();

    [Fact]
    public void RemovedInstitution_AddedAgain_ReusesItsRow_WithTheNewBasis()
    {
        var project = Build.Project(Build.Campaign(), _clock);
        var pku = Build.Institution("PKU", InstitutionCategory.NationalCadreBase).WithId(1);
        var first = project.Invite(pku, InvitationBasis.Comprehensive);
        first.Remove("本年度不合作");
        var again = project.Invite(pku, InvitationBasis.AddedByOrganizer, "恢复邀请");
        Assert.Same(first, again);
        Assert.Equal((InvitationStatus.Listed, InvitationBasis.AddedByOrganizer, "恢复邀请"), (again.Status, again.Basis, again.Note));
        Assert.Single(project.Invitations);
    }

    [Fact]
    public void DeclinedInstitution_CannotBeInvitedAgain()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var invitation = project.Invitations.Single();
        invitation.Decline(_clock);
        Assert.Equal("Invitation.Declined", Assert.Throws<DomainException>(() => project.Invite(invitation.Institution!, InvitationBasis.Comprehensive)).Key);
    }

    [Fact]
    public void Resend_TracksDeliveryAgain_ButKeepsAnAcknowledgement()
    {
        var project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        var invitation = project.Invitations.Single();
        invitation.MarkDelivered(_clock);
        invitation.MarkResent(_clock);
        Assert.Equal(InvitationStatus.Sent, invitation.Status);
        invitation.RecordPhoneConfirmation("张老师", _clock.GetUtcNow(), null, _clock);
        invitation.MarkResent(_clock);
        invitation.MarkDelivered(_clock);
        Assert.Equal(InvitationStatus.Acknowledged, invitation.Status);
        Assert.NotNull(invitation.DeliveredAt);
    }
}
