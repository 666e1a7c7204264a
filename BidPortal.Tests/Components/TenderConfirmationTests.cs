using System.Globalization;
using System.Security.Claims;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Invitations;
using BidPortal.Web.Components.Pages.Questions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;
using QuestionService = BidPortal.Web.Features.Questions.Questions;

namespace BidPortal.Tests.Components;

/// <summary>
/// Declining, publishing a round and publishing an answer ask first, saying what will happen and to
/// whom; cancelling the question changes nothing. The services are the app's own, on the demo database.
/// </summary>
public sealed class TenderConfirmationTests : ComponentTestBase
{
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public TenderConfirmationTests()
    {
        UseCulture("en-US");
        Services.AddSingleton(_factory.Services.GetRequiredService<InvitationService>());
        Services.AddSingleton(_factory.Services.GetRequiredService<QuestionService>());
        Services.AddSingleton(_factory.Services.GetRequiredService<BidPortal.Web.Features.Projects.Calls>());
        Services.AddSingleton(_factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Proposals>());
        Services.AddSingleton(_factory.Services.GetRequiredService<BidPortal.Web.Features.Proposals.Openings>());
        Services.AddSingleton(_factory.Services.GetRequiredService<BidPortal.Web.Features.Awards.Awards>());
        Services.AddSingleton(_factory.Services.GetRequiredService<BidPortal.Web.Features.Notice.Notices>());
        Services.AddSingleton(_factory.Services.GetRequiredService<TimeProvider>());
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _factory.DisposeAsync();
    }

    private static void Click<T>(IRenderedComponent<T> where, string text) where T : Microsoft.AspNetCore.Components.IComponent =>
        where.FindAll("button").First(b => b.TextContent.Trim() == text).Click();

    private async Task<(int Project, int Institution)> AwaitingAcknowledgementAsync()
    {
        await using var db = _factory.CreateDbContext();
        var open = await db.Projects.SingleAsync(p => p.Code == "C-02" && p.Status == ProjectStatus.Open);
        var invitation = await db.Invitations.Where(Invitation.AwaitsAcknowledgement).FirstAsync(i => i.TenderProjectId == open.Id);
        return (open.Id, invitation.InstitutionId);
    }

    private async Task<InvitationStatus> StatusAsync(int project, int institution)
    {
        await using var db = _factory.CreateDbContext();
        return (await db.Invitations.SingleAsync(i => i.TenderProjectId == project && i.InstitutionId == institution)).Status;
    }

    [Fact]
    public async Task Decline_AsksFirst_NamingTheProject_AndCancelChangesNothing()
    {
        var (project, institution) = await AwaitingAcknowledgementAsync();
        AddAuthorization().SetAuthorized("inst.test").SetRoles(Roles.Institution)
            .SetClaims(new Claim("bidportal:institution", institution.ToString(CultureInfo.InvariantCulture)));
        _dialogs = Render<MudDialogProvider>();
        var page = Render<InstitutionProjectPage>(p => p.Add(x => x.InstitutionId, institution).Add(x => x.ProjectId, project));
        page.WaitForAssertion(() => Assert.Contains("Acknowledge receipt", page.Markup));
        Assert.Contains("not agreeing to bid", page.Markup);
        var before = await StatusAsync(project, institution);

        Click(page, "Decline");
        _dialogs.WaitForAssertion(() => Assert.Contains("C-02", _dialogs.Markup));
        Assert.Contains("can no longer ask questions or bid", _dialogs.Markup);
        Click(_dialogs, "Cancel");
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("C-02", _dialogs.Markup));
        Assert.Equal(before, await StatusAsync(project, institution));

        // Confirming does decline: the test above could fail.
        Click(page, "Decline");
        _dialogs.WaitForAssertion(() => Assert.Contains("C-02", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Last(b => b.TextContent.Trim() == "Decline").Click();
        await page.WaitForAssertionAsync(async () => Assert.Equal(InvitationStatus.Declined, await StatusAsync(project, institution)));
    }

    [Fact]
    public async Task PublishingARound_AsksFirst_WithTheCounts_AndCancelChangesNothing()
    {
        int draft, institutions;
        await using (var db = _factory.CreateDbContext())
        {
            draft = (await db.Projects.SingleAsync(p => p.Code == "C-01" && p.Status == ProjectStatus.Draft)).Id;
            institutions = await db.Invitations.Where(Invitation.AwaitingSend).CountAsync(i => i.TenderProjectId == draft);
        }
        AddAuthorization().SetAuthorized("organizer").SetRoles(Roles.Organizer);
        _dialogs = Render<MudDialogProvider>();
        var panel = Render<PublishPanel>(p => p.Add(x => x.ProjectIds, [draft]).Add(x => x.WindowDays, 7));

        Click(panel, "Publish and send the invitations");
        _dialogs.WaitForAssertion(() => Assert.Contains($"{institutions} institution(s) will each get one invitation mail", _dialogs.Markup));
        Assert.Contains("1 project(s) will be published", _dialogs.Markup);
        Assert.Contains("with the deadline", _dialogs.Markup);
        Click(_dialogs, "Cancel");

        await using var check = _factory.CreateDbContext();
        Assert.Equal(ProjectStatus.Draft, (await check.Projects.SingleAsync(p => p.Id == draft)).Status);
        Assert.False(await check.OutgoingMails.AnyAsync(m => m.Purpose == "invitation"));
    }

    [Fact]
    public async Task PublishingAnAnswer_AsksFirst_WithTheNumberOfInstitutions_AndCancelChangesNothing()
    {
        var (project, institution) = await AwaitingAcknowledgementAsync();
        await _factory.Services.GetRequiredService<QuestionService>()
            .AskAsync(Actor.Of("inst", Roles.Institution, institution), institution, project, "能否安排现场教学？");
        int question;
        await using (var db = _factory.CreateDbContext())
            question = (await db.Questions.SingleAsync(q => q.TenderProjectId == project && q.Answer == null)).Id;
        AddAuthorization().SetAuthorized("organizer").SetRoles(Roles.Organizer);
        _dialogs = Render<MudDialogProvider>();
        var form = Render<AnswerForm>(p => p.Add(x => x.QuestionId, question).Add(x => x.Invitees, 5));
        form.Find("textarea").Change("可以，安排一天现场教学。");

        Click(form, "Publish the answer");
        _dialogs.WaitForAssertion(() => Assert.Contains("mailed to all 5 invited institution(s)", _dialogs.Markup));
        Click(_dialogs, "Cancel");

        await using var check = _factory.CreateDbContext();
        Assert.Null((await check.Questions.SingleAsync(q => q.Id == question)).Answer);
        Assert.False(await check.OutgoingMails.AnyAsync(m => m.Purpose == "answer"));
    }
}
