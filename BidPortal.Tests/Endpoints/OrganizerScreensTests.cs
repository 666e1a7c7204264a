using System.Net;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>The organizer's screens render through their services, names in the page's language.</summary>
public class OrganizerScreensTests(OrganizerScreensTests.Fixture fixture) : IClassFixture<OrganizerScreensTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    [Fact]
    public async Task Dashboard_InEnglish_ShowsTheReportsMoney_AndCurrentProjectsInEnglish()
    {
        using var client = await SignIn.ClientAsync(fixture, "organizer");
        var page = SignIn.Text(await client.GetStringAsync("/organizer"));
        Assert.Contains("7.47 million yuan", page);
        await using var db = fixture.CreateDbContext();
        var c01 = await db.Projects.Where(p => p.Code == "C-01").SingleAsync();
        Assert.Contains(c01.TitleEn, page);
        Assert.DoesNotContain(c01.Title, page);
    }

    [Theory]
    [InlineData("/organizer/consolidation", "Consolidation")]
    [InlineData("/organizer/institutions", "Peking University")]
    [InlineData("/organizer/outbox", "Outbox")]
    public async Task OrganizerScreens_Render(string path, string expected)
    {
        using var client = await SignIn.ClientAsync(fixture, "organizer");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, SignIn.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task CampaignRules_OfAnUnknownCampaign_AreNotFound()
    {
        using var client = await SignIn.ClientAsync(fixture, "organizer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/organizer/campaigns/9999/rules")).StatusCode);
        await using var db = fixture.CreateDbContext();
        var id = await db.Campaigns.Where(c => c.Year != 2011).Select(c => c.Id).SingleAsync();
        Assert.Contains("notice, plan and budget", SignIn.Text(await client.GetStringAsync($"/organizer/campaigns/{id}/rules")));
    }

    [Fact]
    public async Task EvaluatorHome_ListsItsPanels()
    {
        using var client = await SignIn.ClientAsync(fixture, "expert01");
        var page = SignIn.Text(await client.GetStringAsync("/evaluator"));
        Assert.DoesNotContain("You are not on any panel yet.", page);
        await using var db = fixture.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == "expert01").Select(u => u.Id).SingleAsync();
        var panels = await db.PanelMembers.Where(m => m.UserId == userId)
            .Join(db.Projects, m => m.TenderProjectId, p => p.Id, (m, p) => p).ToListAsync();
        Assert.NotEmpty(panels);
        Assert.All(panels, p => Assert.Contains(p.TitleEn, page));
    }
}
