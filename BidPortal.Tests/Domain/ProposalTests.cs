using BidPortal.Domain;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;

namespace BidPortal.Tests.Domain;

public class ProposalTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly TenderProject _project;
    private readonly Invitation _invitation;

    public ProposalTests()
    {
        _project = Build.OpenProject(_clock, TimeSpan.FromDays(7));
        _invitation = _project.Invitations.Single();
    }

    [Fact]
    public void Submit_BeforeDeadline_GivesAReceipt()
    {
        _clock.Advance(TimeSpan.FromHours(5));
        var proposal = Proposal.Submit(_project, _invitation, Build.Upload(), "RP-01-PKU", _clock);
        var receipt = proposal.Current;
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(("RP-01-PKU-1", Build.Start.AddHours(5), 2_000_000L, new string('a', 64)),
            (receipt.ReceiptNumber, receipt.ReceivedAt, receipt.Size, receipt.Sha256));
    }

    [Fact]
    public void Submit_AtTheDeadline_IsRefused_NamingTheDeadline()
    {
        _clock.Advance(TimeSpan.FromDays(7));
        var error = Assert.Throws<DomainException>(() => Proposal.Submit(_project, _invitation, Build.Upload(), "R", _clock));
        Assert.Equal("Proposal.AfterDeadline", error.Key);
        // 01:00 UTC is 09:00 in Beijing, and the message says so in words.
        Assert.Contains("8 Mar 2026, 09:00 (Beijing time)", error.MessageIn(new System.Globalization.CultureInfo("en")));
        Assert.Contains("2026-03-08 09:00（北京时间）", error.MessageIn(new System.Globalization.CultureInfo("zh-CN")));
    }

    [Fact]
    public void Submit_WithoutInvitation_OrWithZeroPrice_IsRefused()
    {
        var other = Build.OpenProject(_clock, TimeSpan.FromDays(7)).WithId(99);
        Assert.Equal("Proposal.NotInvited", Assert.Throws<DomainException>(() => Proposal.Submit(other, _invitation, Build.Upload(), "R", _clock)).Key);
        Assert.Equal("Proposal.PricePositive", Assert.Throws<DomainException>(() => Proposal.Submit(_project, _invitation, Build.Upload(0), "R", _clock)).Key);
    }

    [Fact]
    public void Replace_IsBounded_AtTwentyVersions()
    {
        var proposal = Proposal.Submit(_project, _invitation, Build.Upload(), "R", _clock);
        for (var n = 2; n <= Proposal.MaxVersions; n++) proposal.Replace(_project, Build.Upload(), "R", _clock);
        var refused = Assert.Throws<DomainException>(() => proposal.Replace(_project, Build.Upload(), "R", _clock));
        Assert.Equal("Proposal.TooManyVersions", refused.Key);
        Assert.Equal(20, proposal.Versions.Count);
    }

    [Fact]
    public void Replace_KeepsOldVersions_AndTheNewOneIsCurrent()
    {
        var proposal = Proposal.Submit(_project, _invitation, Build.Upload(120_000m), "R", _clock);
        _clock.Advance(TimeSpan.FromDays(1));
        proposal.Replace(_project, Build.Upload(110_000m), "R", _clock);
        Assert.Equal(2, proposal.Versions.Count);
        Assert.Equal((2, 110_000m, "R-2"), (proposal.Current.Number, proposal.Current.Price, proposal.Current.ReceiptNumber));
    }

    [Fact]
    public void Withdraw_BeforeDeadline_ThenNotAfter()
    {
        var proposal = Proposal.Submit(_project, _invitation, Build.Upload(), "R", _clock);
        proposal.Withdraw(_project, _clock);
        Assert.Equal(ProposalStatus.Withdrawn, proposal.Status);
        Assert.Equal("Proposal.NotWithdrawable", Assert.Throws<DomainException>(() => proposal.Withdraw(_project, _clock)).Key);
        proposal.Replace(_project, Build.Upload(), "R", _clock);
        _clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal("Proposal.AfterDeadline", Assert.Throws<DomainException>(() => proposal.Withdraw(_project, _clock)).Key);
    }

    [Fact]
    public void Extension_AsksForReconfirmation_AndAnUnconfirmedBidIsInvalidAtOpening()
    {
        var confirmed = Proposal.Submit(_project, _invitation, Build.Upload(), "R1", _clock);
        var unconfirmed = Proposal.Submit(_project, _invitation, Build.Upload(), "R2", _clock);
        confirmed.RequireReconfirmation();
        unconfirmed.RequireReconfirmation();
        Assert.Equal(ProposalStatus.NeedsReconfirmation, confirmed.Status);
        confirmed.Reconfirm(_project, _clock);
        Assert.Equal("Proposal.NothingToReconfirm", Assert.Throws<DomainException>(() => confirmed.Reconfirm(_project, _clock)).Key);
        confirmed.MarkOpened(hashMatchesReceipt: true);
        unconfirmed.MarkOpened(hashMatchesReceipt: true);
        Assert.Equal((ProposalStatus.Valid, ProposalStatus.Invalid), (confirmed.Status, unconfirmed.Status));
        Assert.Equal("not-reconfirmed", unconfirmed.InvalidReason);
    }

    [Fact]
    public void Opening_WithAChangedFile_IsInvalid_AndOpenedBidsCannotChange()
    {
        var proposal = Proposal.Submit(_project, _invitation, Build.Upload(), "R", _clock);
        proposal.MarkOpened(hashMatchesReceipt: false);
        Assert.Equal((ProposalStatus.Invalid, "hash"), (proposal.Status, proposal.InvalidReason));
        Assert.Equal("Proposal.AlreadyOpened", Assert.Throws<DomainException>(() => proposal.MarkOpened(true)).Key);
        Assert.Equal("Proposal.AlreadyOpened", Assert.Throws<DomainException>(() => proposal.Replace(_project, Build.Upload(), "R", _clock)).Key);
    }
}
