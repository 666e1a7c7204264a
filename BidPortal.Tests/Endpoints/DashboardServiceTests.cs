using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DashboardService = BidPortal.Web.Features.Dashboard.Dashboard;

namespace BidPortal.Tests.Endpoints;

public class DashboardServiceTests(DashboardServiceTests.Fixture fixture) : IClassFixture<DashboardServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private DashboardService Service => fixture.Services.GetRequiredService<DashboardService>();

    [Fact]
    public async Task CurrentProjects_InEnglish_ShowEnglishTitles_InvitationsThatWentOut_AndWhatAwaitsOpening()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var current = (await Service.CampaignsAsync(Actors.Organizer)).First(c => c.Status != CampaignStatus.Closed);
        var rows = await Service.ProjectsAsync(Actors.Organizer, current.Id);

        await using var db = fixture.CreateDbContext();
        var c01 = await db.Projects.Include(p => p.Invitations).SingleAsync(p => p.CampaignId == current.Id && p.Code == "C-01");
        var row = rows.Single(r => r.Code == "C-01");
        Assert.Equal(c01.TitleEn, row.Title);
        Assert.Equal(c01.Invitations.Count(i => i.IsInvited), row.Invited);
        Assert.Contains(rows, r => r.AwaitsOpening && r.Status == ProjectStatus.Open && r.Deadline < DateTimeOffset.UtcNow);
        Assert.DoesNotContain(rows, r => r.AwaitsOpening && r.Deadline > DateTimeOffset.UtcNow);
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task Dashboard_IsTheOrganizers(string role) =>
        await Assert.ThrowsAsync<DomainException>(() => Service.CampaignsAsync(Actors.Other(role)));
}
