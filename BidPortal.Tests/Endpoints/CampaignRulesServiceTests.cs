using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CampaignsService = BidPortal.Web.Features.Campaigns.Campaigns;

namespace BidPortal.Tests.Endpoints;

public class CampaignRulesServiceTests(CampaignRulesServiceTests.Fixture fixture) : IClassFixture<CampaignRulesServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private CampaignsService Service => fixture.Services.GetRequiredService<CampaignsService>();

    private static readonly RuleSettings Changed = new(12, 20, 4, 9, 3, 3);

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task SaveRules_ByAnyoneButTheOrganizer_IsRefused_AndChangesNothing(string role)
    {
        var open = (await Service.OpenAsync(Actors.Other(role)))!;
        int before;
        await using (var read = fixture.CreateDbContext())
            before = (await read.Campaigns.SingleAsync(c => c.Id == open.Id)).DocumentsLeadDays;
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.SaveRulesAsync(Actors.Other(role), open.Id, Changed));
        Assert.True(AccessPolicy.IsDenied(refusal));
        await using var db = fixture.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == open.Id);
        Assert.Equal(before, campaign.DocumentsLeadDays);
        await Assert.ThrowsAsync<DomainException>(() => Service.RulesAsync(Actors.Other(role), open.Id));
    }

    [Theory]
    [InlineData(999999999, 15, 3, 7, 3, 3, "A rule in days can be at most 365 days.")]
    [InlineData(10, 15, 3, 999999999, 3, 3, "A rule in days can be at most 365 days.")]
    [InlineData(10, 15, 3, 7, 999999999, 3, "The minimum of valid proposals can be at most 50.")]
    [InlineData(10, 15, 3, 7, 3, 999999999, "The shortlist can hold at most 20.")]
    public async Task SaveRules_WithHugeValues_IsRefusedWithTheLimit_AndStoresNothing(int lead, int report, int reminder, int window,
        int minValid, int shortlist, string message)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        var open = (await Service.OpenAsync(Actors.Organizer))!;
        var before = (await Service.RulesAsync(Actors.Organizer, open.Id)).Settings;
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Service.SaveRulesAsync(Actors.Organizer, open.Id, new RuleSettings(lead, report, reminder, window, minValid, shortlist)));
        Assert.Equal(message, refusal.Message);
        Assert.Equal(before, (await Service.RulesAsync(Actors.Organizer, open.Id)).Settings);
    }

    [Fact]
    public async Task SaveRules_ByTheOrganizer_KeepsThem()
    {
        var open = (await Service.OpenAsync(Actors.Organizer))!;
        await Service.SaveRulesAsync(Actors.Organizer, open.Id, Changed);
        Assert.Equal(Changed, (await Service.RulesAsync(Actors.Organizer, open.Id)).Settings);
        // The change is in the log, field by field, under the organizer's name.
        await using var db = fixture.CreateDbContext();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync(a => a.EntityType == "Campaign");
        Assert.Equal(("organizer", "Updated"), (entry.Actor, entry.Action));
        Assert.Contains("DocumentsLeadDays", entry.Details);
    }

    [Fact]
    public async Task SaveRules_OnAClosedCampaign_GivesTheRulesMessage()
    {
        await using var db = fixture.CreateDbContext();
        var closed = await db.Campaigns.SingleAsync(c => c.Status == CampaignStatus.Closed);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.SaveRulesAsync(Actors.Organizer, closed.Id, Changed));
        Assert.Equal("Campaign.Closed", refusal.Key);
    }

    [Fact]
    public async Task Rules_OfAnUnknownCampaign_AreNotFound() =>
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.RulesAsync(Actors.Organizer, 9999))));
}
