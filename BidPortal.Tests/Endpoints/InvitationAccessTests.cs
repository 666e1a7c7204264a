using System.Net;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Endpoints;

/// <summary>Institutions see only the projects they are invited to, with their questions and answers.</summary>
public class InvitationAccessTests(InvitationAccessTests.Fixture fixture) : IClassFixture<InvitationAccessTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private Task<HttpClient> SignedInAsync(string login) => SignIn.ClientAsync(fixture, login);

    [Fact]
    public async Task InvitedInstitution_SeesTheProjectAndItsPublishedAnswers()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var open = await db.Projects.SingleAsync(p => p.Code == "C-02");
        var answered = await db.Questions.SingleAsync(q => q.TenderProjectId == open.Id);
        using var client = await SignedInAsync("inst.pku");
        var page = await client.GetAsync($"/institutions/{pku.Id}/projects/{open.Id}");
        var text = SignIn.Text(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(answered.Answer!, text);
    }

    [Fact]
    public async Task UninvitedInstitution_IsRefusedTheProject_ByUrlToo()
    {
        await using var db = fixture.CreateDbContext();
        var sufe = await db.Institutions.SingleAsync(i => i.Code == "SUFE");
        // C-01 is the planning bureau's project: a finance institute is not on its list.
        var planning = await db.Projects.SingleAsync(p => p.Code == "C-01");
        Assert.False(await db.Invitations.AnyAsync(i => i.TenderProjectId == planning.Id && i.InstitutionId == sufe.Id));
        var open = await db.Projects.SingleAsync(p => p.Code == "C-02");
        var question = await db.Questions.SingleAsync(q => q.TenderProjectId == open.Id);
        var nau = await db.Institutions.SingleAsync(i => i.Code == "NAU");
        using var client = await SignedInAsync("inst.sufe");

        var refused = await client.GetAsync($"/institutions/{sufe.Id}/projects/{planning.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(planning.Title, SignIn.Text(await refused.Content.ReadAsStringAsync()));

        // Another institution's view of a project, questions and answers included, is refused as well.
        var other = await client.GetAsync($"/institutions/{nau.Id}/projects/{open.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain(question.Answer!, SignIn.Text(await other.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ListedButUnpublishedInvitation_IsNotShownToTheInstitution()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var draft = await db.Projects.SingleAsync(p => p.Code == "C-01");
        Assert.Equal(InvitationStatus.Listed, (await db.Invitations.SingleAsync(i => i.TenderProjectId == draft.Id && i.InstitutionId == pku.Id)).Status);
        using var client = await SignedInAsync("inst.pku");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/institutions/{pku.Id}/projects/{draft.Id}")).StatusCode);
        Assert.DoesNotContain(draft.Title, SignIn.Text(await client.GetStringAsync($"/institutions/{pku.Id}")));
    }

    [Fact]
    public async Task Organizer_AskingForAnInstitutionsViewOfAnUnknownOrUninvitedProject_GetsNotFound()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var draft = await db.Projects.SingleAsync(p => p.Code == "C-01");
        var open = await db.Projects.SingleAsync(p => p.Code == "C-02");
        using var client = await SignedInAsync("organizer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/institutions/{pku.Id}/projects/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/institutions/999999/projects/{open.Id}")).StatusCode);
        // Only listed, not sent: no institution has seen it, so there is no such page yet.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/institutions/{pku.Id}/projects/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/institutions/{pku.Id}/projects/{open.Id}")).StatusCode);
    }
}
