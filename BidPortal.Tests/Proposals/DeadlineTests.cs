using System.Net;
using System.Net.Http.Json;
using BidPortal.Domain;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Proposals;
using BidPortal.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Proposals;

/// <summary>The server clock decides: a fake one walks C-02 up to its deadline (17:00 Beijing time) and past it.</summary>
public class DeadlineTests
{
    private static PortalFactory Portal(out FakeTimeProvider clock)
    {
        clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new PortalFactory(clock: clock);
    }

    [Fact]
    public async Task OneSecondBefore_IsAccepted_AtAndAfter_RefusedWithTheDeadlineInBeijingTime_AndNothingStored()
    {
        using var factory = Portal(out var clock);
        var (projectId, deadline) = await Bids.C02Async(factory);
        // Signed in on the day (a sign-in cookie expires on the same clock).
        clock.SetUtcNow(deadline.AddSeconds(-1));
        using var client = await SignIn.ClientAsync(factory, "inst.sdu");
        var accepted = await Bids.UploadAsync(client, projectId, Bids.Pdf());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var receipt = (await accepted.Content.ReadFromJsonAsync<ProposalReceipt>())!;
        Assert.StartsWith("TB", receipt.ReceiptNumber);
        Assert.Equal(deadline.AddSeconds(-1), receipt.ReceivedAt);
        var before = await Bids.StoredAsync(factory);

        clock.SetUtcNow(deadline);
        var atDeadline = await Bids.UploadAsync(client, projectId, Bids.Pdf(), language: "en");
        Assert.Equal(HttpStatusCode.BadRequest, atDeadline.StatusCode);
        var english = await Bids.MessageAsync(atDeadline);
        Assert.Equal($"The deadline was {BeijingTime.Format(deadline, new("en"))}; the proposal was not accepted.", english);
        Assert.Contains("17:00 (Beijing time)", english);
        Assert.Equal(before, await Bids.StoredAsync(factory));

        clock.SetUtcNow(deadline.AddSeconds(1));
        var after = await Bids.UploadAsync(client, projectId, Bids.Pdf(), language: "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        var chinese = await Bids.MessageAsync(after);
        Assert.Equal($"投标已于{BeijingTime.Local(deadline):yyyy-MM-dd} 17:00（北京时间）截止，方案未被接收。", chinese);
        Assert.Equal(before, await Bids.StoredAsync(factory));
    }

    [Fact]
    public async Task ReplaceAndWithdraw_AreAllowedBeforeTheDeadline_AndRefusedAtIt()
    {
        using var factory = Portal(out var clock);
        var (projectId, deadline) = await Bids.C02Async(factory);
        var proposals = factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>();
        clock.SetUtcNow(deadline.AddMinutes(-10));

        var first = await proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(), "方案.pdf", new MemoryStream(Bids.Pdf("one")));
        var second = await proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(price: 140_000m), "方案二.pdf", new MemoryStream(Bids.Pdf("two")));
        Assert.Equal((1, 2), (first.Version, second.Version));
        await proposals.WithdrawAsync(Bids.Sdu, projectId);
        Assert.Equal(ProposalStatus.Withdrawn, (await proposals.DeskAsync(Bids.Sdu, projectId)).Status);

        clock.SetUtcNow(deadline.AddSeconds(-1));
        var third = await proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(price: 130_000m), "方案三.pdf", new MemoryStream(Bids.Pdf("three")));
        var desk = await proposals.DeskAsync(Bids.Sdu, projectId);
        Assert.Equal(ProposalStatus.Submitted, desk.Status);
        Assert.Equal([3, 2, 1], desk.Versions.Select(v => v.Version));
        Assert.Equal(130_000m, desk.Current!.Price);
        var stored = await Bids.StoredAsync(factory);

        clock.SetUtcNow(deadline);
        var replace = await Assert.ThrowsAsync<DomainException>(() =>
            proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(), "方案四.pdf", new MemoryStream(Bids.Pdf("four"))));
        Assert.Equal("Proposal.AfterDeadline", replace.Key);
        var withdraw = await Assert.ThrowsAsync<DomainException>(() => proposals.WithdrawAsync(Bids.Sdu, projectId));
        Assert.Equal("Proposal.AfterDeadline", withdraw.Key);
        Assert.Contains("Beijing time", withdraw.MessageIn(new("en")));
        Assert.Equal(stored, await Bids.StoredAsync(factory));
        desk = await proposals.DeskAsync(Bids.Sdu, projectId);
        Assert.Equal((ProposalStatus.Submitted, third.VersionId, false), (desk.Status!.Value, desk.Versions[0].VersionId, desk.AcceptsNow));
    }

    [Fact]
    public async Task AfterAMaterialExtension_AFlaggedBidIsConfirmedBeforeTheNewDeadline_AndNotAfterIt()
    {
        using var factory = Portal(out var clock);
        var (projectId, deadline) = await Bids.C02Async(factory);
        var proposals = factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>();
        var questions = factory.Services.GetRequiredService<Questions>();
        var sufe = BidPortal.Domain.Access.Actor.Of("inst.sufe", BidPortal.Domain.Identity.Roles.Institution, institutionId: 14);
        clock.SetUtcNow(deadline.AddDays(-1));
        await proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(), "方案.pdf", new MemoryStream(Bids.Pdf()));
        await proposals.SubmitAsync(sufe, projectId, Bids.Fields(), "方案.pdf", new MemoryStream(Bids.Pdf()));

        var newDeadline = deadline.AddDays(3);
        await questions.ExtendAsync(Actors.Organizer, projectId, newDeadline);
        Assert.Equal(ProposalStatus.NeedsReconfirmation, (await proposals.DeskAsync(Bids.Sdu, projectId)).Status);

        // Past the old deadline, before the new one: SDU confirms its bid as it is.
        clock.SetUtcNow(deadline.AddHours(1));
        await proposals.ReconfirmAsync(Bids.Sdu, projectId);
        Assert.Equal(ProposalStatus.Submitted, (await proposals.DeskAsync(Bids.Sdu, projectId)).Status);
        var again = await Assert.ThrowsAsync<DomainException>(() => proposals.ReconfirmAsync(Bids.Sdu, projectId));
        Assert.Equal("Proposal.NothingToReconfirm", again.Key);

        // SUFE waits too long.
        clock.SetUtcNow(newDeadline);
        var late = await Assert.ThrowsAsync<DomainException>(() => proposals.ReconfirmAsync(sufe, projectId));
        Assert.Equal("Proposal.AfterDeadline", late.Key);
        Assert.Equal(ProposalStatus.NeedsReconfirmation, (await proposals.DeskAsync(sufe, projectId)).Status);
    }

    [Fact]
    public async Task AnUploadWhoseLastByteArrivesAfterTheDeadline_IsRefused_TheWriteChecksTheClockAgain()
    {
        using var factory = Portal(out var clock);
        var (projectId, deadline) = await Bids.C02Async(factory);
        var proposals = factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>();
        clock.SetUtcNow(deadline.AddSeconds(-2));
        var stored = await Bids.StoredAsync(factory);

        // Starts 2 s before the deadline (every check before the body passes) and takes 3 s on the fake clock.
        await using var slow = new SlowStream(Bids.Pdf(size: 3 * 1024 * 1024), () => clock.Advance(TimeSpan.FromMilliseconds(100)));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            proposals.SubmitAsync(Bids.Sdu, projectId, Bids.Fields(), "方案.pdf", slow));

        Assert.True(slow.Reads > 20, $"{slow.Reads} reads");
        Assert.True(clock.GetUtcNow() > deadline);
        Assert.Equal("Proposal.AfterDeadline", refused.Key);
        Assert.Equal(stored, await Bids.StoredAsync(factory));
    }
}
