using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DashboardService = BidPortal.Web.Features.Dashboard.Dashboard;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;
using QuestionService = BidPortal.Web.Features.Questions.Questions;

namespace BidPortal.Tests.Features;

/// <summary>
/// The dead ends of the tendering flow as a user met them: a late invitee that never got its mail, a
/// never-sent invitation counted as invited, one chase mail per project, unanswered questions the
/// asker could not see.
/// </summary>
public sealed class TenderingDeadEndTests : IDisposable
{
    private static readonly Actor Organizer = Actors.Organizer;
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });

    private InvitationService Invitations => _factory.Services.GetRequiredService<InvitationService>();
    private QuestionService Questions => _factory.Services.GetRequiredService<QuestionService>();
    private DashboardService Dashboard => _factory.Services.GetRequiredService<DashboardService>();

    public void Dispose() => _factory.Dispose();

    private async Task<TenderProject> ProjectAsync(string code)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Projects.AsNoTracking().SingleAsync(p => p.Code == code && p.Status != ProjectStatus.Completed
            && db.Campaigns.Any(c => c.Id == p.CampaignId && c.Year != 2011));
    }

    /// <summary>Institutions with a contact that are not on the project's list.</summary>
    private async Task<List<int>> NotListedAsync(int projectId)
    {
        await using var db = _factory.CreateDbContext();
        var listed = await db.Invitations.Where(i => i.TenderProjectId == projectId).Select(i => i.InstitutionId).ToListAsync();
        return await db.Institutions.Where(i => !listed.Contains(i.Id) && i.Contacts.Any()).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
    }

    private async Task<int> DashboardInvitedAsync(TenderProject project) =>
        (await Dashboard.ProjectsAsync(Organizer, project.CampaignId)).Single(r => r.Id == project.Id).Invited;

    [Fact]
    public async Task LateInvitee_OnAPublishedProject_GetsItsMailAtOnce_AndOnlyThenCountsAsInvited()
    {
        var open = await ProjectAsync("C-02");
        var candidates = await NotListedAsync(open.Id);
        var (late, forgotten) = (candidates[0], candidates[1]);
        var invitedBefore = await DashboardInvitedAsync(open);

        // An invitation left on the list unsent (as before this fix): not invited on the dashboard, "to be sent" on the board.
        await using (var db = _factory.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Invitations).SingleAsync(p => p.Id == open.Id);
            project.Invite(await db.Institutions.SingleAsync(i => i.Id == forgotten), InvitationBasis.AddedByOrganizer, "补充邀请");
            await db.SaveChangesAsync();
        }
        Assert.Equal(invitedBefore, await DashboardInvitedAsync(open));
        var board = await Invitations.BoardAsync(Organizer, open.Id);
        Assert.True(board.IsOpen);
        Assert.Equal(1, board.AwaitingSend);
        Assert.Equal(InvitationStatus.Listed, board.Rows.Single(r => r.InstitutionId == forgotten).Status);

        // Added to the published project: its invitation goes out in the same save as the mail.
        Assert.Equal(1, await Invitations.AddAsync(Organizer, open.Id, late, "专题相关，补充邀请"));
        await using (var db = _factory.CreateDbContext())
        {
            var invitation = await db.Invitations.SingleAsync(i => i.TenderProjectId == open.Id && i.InstitutionId == late);
            Assert.Equal(InvitationStatus.Sent, invitation.Status);
            var contact = (await db.Institutions.Include(i => i.Contacts).SingleAsync(i => i.Id == late)).PrimaryContact!;
            var mails = await db.OutgoingMails.Where(m => m.Purpose == "invitation" && m.ToAddress == contact.Email).ToListAsync();
            Assert.Contains(mails, m => m.TextBody.Contains(open.Code, StringComparison.Ordinal));
        }
        Assert.Equal(invitedBefore + 1, await DashboardInvitedAsync(open));
        Assert.True((await Invitations.InstitutionProjectAsync(Actor.Of("late", Roles.Institution, late), late, open.Id)).CanRespond);

        // The forgotten one is sent from the board.
        Assert.Equal(1, await Invitations.SendAsync(Organizer, open.Id, forgotten));
        Assert.Equal(invitedBefore + 2, await DashboardInvitedAsync(open));
        Assert.Equal(0, (await Invitations.BoardAsync(Organizer, open.Id)).AwaitingSend);
    }

    [Fact]
    public async Task LateInvitee_OnADraftProject_WaitsForPublication()
    {
        var draft = await ProjectAsync("C-01");
        var late = (await NotListedAsync(draft.Id))[0];
        Assert.Equal(0, await Invitations.AddAsync(Organizer, draft.Id, late, "补充"));
        Assert.Equal(InvitationStatus.Listed, (await Invitations.BoardAsync(Organizer, draft.Id)).Rows.Single(r => r.InstitutionId == late).Status);
    }

    [Fact]
    public async Task Chasing_SendsOneMailPerInstitution_ListingAllItsUnacknowledgedProjects()
    {
        var draft = await ProjectAsync("C-01");
        var open = await ProjectAsync("C-02");
        // Publishing C-01 too: an institution on both lists now has two unacknowledged projects.
        await Invitations.PublishAsync(Organizer, [draft.Id], DateTimeOffset.UtcNow.AddDays(7));
        long lastMail;
        await using (var db = _factory.CreateDbContext()) lastMail = await db.OutgoingMails.MaxAsync(m => (long?)m.Id) ?? 0;

        var queued = await Invitations.ChaseAsync(Organizer, open.Id);

        await using var check = _factory.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var awaiting = (await check.Invitations.Include(i => i.Institution).ThenInclude(i => i!.Contacts)
                .Where(Invitation.AwaitsAcknowledgement).ToListAsync())
            .Join(await check.Projects.Where(p => p.Status == ProjectStatus.Open && p.CampaignId == open.CampaignId).ToListAsync(),
                i => i.TenderProjectId, p => p.Id, (i, p) => (Invitation: i, Project: p))
            .Where(x => x.Project.Deadline > now).ToList();
        var chased = awaiting.Where(x => x.Project.Id == open.Id).Select(x => x.Invitation.InstitutionId).ToHashSet();
        var mails = await check.OutgoingMails.Where(m => m.Id > lastMail && m.Purpose == "chase").ToListAsync();

        Assert.NotEmpty(chased);
        Assert.Equal(chased.Count, queued);
        Assert.Equal(chased.Count, mails.Count);
        // One mail per institution, never one per project.
        Assert.All(mails.GroupBy(m => m.ToAddress), g => Assert.Single(g));
        var listsTwo = 0;
        foreach (var institution in awaiting.Where(x => chased.Contains(x.Invitation.InstitutionId)).GroupBy(x => x.Invitation.InstitutionId))
        {
            var mail = Assert.Single(mails, m => m.ToAddress == institution.First().Invitation.Institution!.PrimaryContact!.Email);
            foreach (var (_, project) in institution) Assert.Contains(project.Code, mail.TextBody, StringComparison.Ordinal);
            if (institution.Count() > 1) listsTwo++;
        }
        Assert.True(listsTwo > 0, "no institution had two unacknowledged projects: the test proves nothing");
    }

    [Fact]
    public async Task Institution_SeesItsOwnUnansweredQuestion_AndThePublishedAnswers_NotAnotherInstitutionsQuestion()
    {
        var open = await ProjectAsync("C-02");
        int pku, other;
        string published;
        await using (var db = _factory.CreateDbContext())
        {
            pku = (await db.Institutions.SingleAsync(i => i.Code == "PKU")).Id;
            other = await db.Invitations.Where(Invitation.Invited)
                .Where(i => i.TenderProjectId == open.Id && i.InstitutionId != pku && i.Status != InvitationStatus.Declined)
                .Select(i => i.InstitutionId).FirstAsync();
            published = (await db.Questions.FirstAsync(q => q.TenderProjectId == open.Id && q.Answer != null)).Answer!;
        }
        var asPku = Actor.Of("inst.pku", Roles.Institution, pku);
        await Questions.AskAsync(asPku, pku, open.Id, "课程是否可以安排现场教学？");

        var mine = await Questions.ForInstitutionAsync(asPku, pku, open.Id);
        var pending = Assert.Single(mine, q => !q.IsAnswered);
        Assert.Equal("课程是否可以安排现场教学？", pending.Text);
        Assert.Contains(mine, q => q.Answer == published);
        var theirs = await Questions.ForInstitutionAsync(Actor.Of("other", Roles.Institution, other), other, open.Id);
        Assert.DoesNotContain(theirs, q => q.Text == pending.Text);

        // And on the page, marked as awaiting an answer.
        using var client = await SignIn.ClientAsync(_factory, "inst.pku");
        var page = SignIn.Text(await client.GetStringAsync($"/institutions/{pku}/projects/{open.Id}"));
        Assert.Contains("课程是否可以安排现场教学？", page);
        Assert.Contains("Awaiting answer", page);
        Assert.Contains(published, page);
    }
}
