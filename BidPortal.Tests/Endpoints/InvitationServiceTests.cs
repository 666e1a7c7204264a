using BidPortal.Web.Features.Invitations;
using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Mail;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;
using ProjectService = BidPortal.Web.Features.Projects.Projects;
using QuestionService = BidPortal.Web.Features.Questions.Questions;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The invitation and question services against the demo database: each write checks who acts, on
/// the record it reloads, and saves its change, audit and mail in one go.
/// </summary>
public sealed class InvitationServiceTests : IDisposable
{
    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);
    private readonly PortalFactory _factory = new(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" });

    private InvitationService Invitations => _factory.Services.GetRequiredService<InvitationService>();
    private QuestionService Questions => _factory.Services.GetRequiredService<QuestionService>();

    private sealed record Demo(int Planning, int Open, int Thu, int Pku, int Sufe, int Czj, Actor AsThu, Actor AsPku, Actor AsSufe);

    /// <summary>C-01 (draft, planning: THU and PKU listed), C-02 (open), and the actors of three institutions.</summary>
    private async Task<Demo> DemoAsync()
    {
        await using var db = _factory.CreateDbContext();
        int Inst(string code) => db.Institutions.Single(i => i.Code == code).Id;
        var (thu, pku, sufe) = (Inst("THU"), Inst("PKU"), Inst("SUFE"));
        var czj = (await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ")).Id;
        return new Demo((await db.Projects.SingleAsync(p => p.Code == "C-01")).Id, (await db.Projects.SingleAsync(p => p.Code == "C-02")).Id,
            thu, pku, sufe, czj,
            Actor.Of("inst.thu", Roles.Institution, thu), Actor.Of("inst.pku", Roles.Institution, pku), Actor.Of("inst.sufe", Roles.Institution, sufe));
    }

    private static async Task RefusedAsync(Func<Task> call) =>
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(call)));

    private async Task<List<string>> AuditActorsAsync(string entityType, int id, long after)
    {
        await using var db = _factory.CreateDbContext();
        // One name per action: a status change and its field changes are one act of one person.
        var key = id.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.Where(a => a.Sequence > after && a.EntityType == entityType && a.EntityId == key
                && a.Action != "Updated")
            .OrderBy(a => a.Sequence).Select(a => a.Actor).ToListAsync();
    }

    private async Task<long> LastAuditAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.AuditEntries.MaxAsync(a => a.Sequence);
    }

    [Fact]
    public async Task Publish_WhenAMailCannotBeComposed_PublishesNothing()
    {
        var demo = await DemoAsync();
        int mailsBefore;
        await using (var db = _factory.CreateDbContext())
        {
            mailsBefore = await db.OutgoingMails.CountAsync();
            // A broken language on one invitee makes its mail fail to compose, after the projects and invitations have changed in memory.
            await db.Institutions.Where(i => i.Id == demo.Pku)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.PreferredCulture, "no such culture!"));
        }

        await Assert.ThrowsAnyAsync<System.Globalization.CultureNotFoundException>(() =>
            Invitations.PublishAsync(Organizer, [demo.Planning], DateTimeOffset.UtcNow.AddDays(7)));

        await using var check = _factory.CreateDbContext();
        Assert.Equal(ProjectStatus.Draft, (await check.Projects.SingleAsync(p => p.Id == demo.Planning)).Status);
        Assert.All(await check.Invitations.Where(i => i.TenderProjectId == demo.Planning && i.Status != InvitationStatus.Removed).ToListAsync(),
            i => Assert.Equal(InvitationStatus.Listed, i.Status));
        Assert.Equal(mailsBefore, await check.OutgoingMails.CountAsync());
    }

    [Fact]
    public async Task Publish_ARoundWithOneProjectAlreadyOpen_OpensNone()
    {
        var demo = await DemoAsync();
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Invitations.PublishAsync(Organizer, [demo.Planning, demo.Open], DateTimeOffset.UtcNow.AddDays(7)));
        Assert.Equal("Project.WrongStatus", refusal.Key);
        await using var db = _factory.CreateDbContext();
        Assert.Equal(ProjectStatus.Draft, (await db.Projects.SingleAsync(p => p.Id == demo.Planning)).Status);
        Assert.False(await db.Invitations.AnyAsync(i => i.TenderProjectId == demo.Planning && i.Status == InvitationStatus.Sent));
    }

    [Fact]
    public async Task Publish_SavesTheOpening_TheSentInvitations_AndOneMailPerInstitution_Together()
    {
        var demo = await DemoAsync();
        var before = await LastAuditAsync();
        var mails = await Invitations.PublishAsync(Organizer, [demo.Planning], DateTimeOffset.UtcNow.AddDays(7));

        await using var db = _factory.CreateDbContext();
        var invitations = await db.Invitations.Where(i => i.TenderProjectId == demo.Planning && i.Status != InvitationStatus.Removed).ToListAsync();
        Assert.Equal(invitations.Count, mails);
        Assert.Equal(invitations.Count, await db.OutgoingMails.CountAsync(m => m.Purpose == "invitation" && m.Status == MailStatus.Pending));
        Assert.All(invitations, i => Assert.Equal(InvitationStatus.Sent, i.Status));
        // One SaveChanges: the project's and every invitation's audit entries carry one instant and name the organizer.
        var audit = await db.AuditEntries.Where(a => a.Sequence > before).ToListAsync();
        // Each record's state change is logged once (field changes have entries of their own).
        Assert.Equal(invitations.Count + 1, audit.Count(a => a.Action == "StatusChanged"));
        Assert.Single(audit.Select(a => a.At).Distinct());
        Assert.All(audit, a => Assert.Equal("organizer", a.Actor));
    }

    [Fact]
    public async Task LateAddition_ToAnOpenProject_IsSentWithItsMail_AndShownAsInvited()
    {
        var demo = await DemoAsync();
        // An institution with a login that is not on the open project's list.
        int lateId;
        await using (var db = _factory.CreateDbContext())
        {
            var listed = await db.Invitations.Where(i => i.TenderProjectId == demo.Open).Select(i => i.InstitutionId).ToListAsync();
            lateId = await db.Users.Where(u => u.InstitutionId != null && !listed.Contains(u.InstitutionId!.Value))
                .Select(u => u.InstitutionId!.Value).FirstAsync();
        }
        var late = Actor.Of("late", Roles.Institution, lateId);
        var invitedBefore = (await Invitations.BoardAsync(Organizer, demo.Open)).Invited;

        // On a published project the late addition goes out at once, with its mail, in one save.
        Assert.Equal(1, await Invitations.AddAsync(Organizer, demo.Open, lateId, "专题相关，补充邀请"));

        var board = await Invitations.BoardAsync(Organizer, demo.Open);
        Assert.Equal((invitedBefore + 1, 0), (board.Invited, board.AwaitingSend));
        Assert.True((await Invitations.InstitutionProjectAsync(late, lateId, demo.Open)).CanRespond);
        await using var check = _factory.CreateDbContext();
        var institution = await check.Institutions.Include(i => i.Contacts).SingleAsync(i => i.Id == lateId);
        Assert.Equal(1, await check.OutgoingMails.CountAsync(m => m.Purpose == "invitation" && m.ToAddress == institution.PrimaryContact!.Email));
    }

    [Fact]
    public async Task Institution_ActingOnAnotherInstitutionsInvitation_IsRefused_AndNothingChanges()
    {
        var demo = await DemoAsync();
        await Invitations.PublishAsync(Organizer, [demo.Planning], DateTimeOffset.UtcNow.AddDays(7));
        int questionsBefore;
        await using (var db = _factory.CreateDbContext()) questionsBefore = await db.Questions.CountAsync();

        // PKU is invited to C-01 too: changing the institution id in the address (or in the circuit) is not enough.
        foreach (var other in new[] { demo.AsPku, demo.AsSufe })
        {
            await RefusedAsync(() => Invitations.AcknowledgeAsync(other, demo.Thu, demo.Planning));
            await RefusedAsync(() => Invitations.DeclineAsync(other, demo.Thu, demo.Planning));
            await RefusedAsync(() => Questions.AskAsync(other, demo.Thu, demo.Planning, "替别人提问？"));
            await RefusedAsync(() => Invitations.InstitutionProjectAsync(other, demo.Thu, demo.Planning));
            await RefusedAsync(() => Questions.ForInstitutionAsync(other, demo.Thu, demo.Planning));
            await RefusedAsync(() => Invitations.InstitutionHomeAsync(other, demo.Thu));
        }
        // SUFE is not on C-01's list at all: its own id does not help either.
        await RefusedAsync(() => Questions.AskAsync(demo.AsSufe, demo.Sufe, demo.Planning, "可以参加吗？"));

        await using var check = _factory.CreateDbContext();
        Assert.Equal(InvitationStatus.Sent, (await check.Invitations.SingleAsync(i => i.TenderProjectId == demo.Planning && i.InstitutionId == demo.Thu)).Status);
        Assert.Equal(questionsBefore, await check.Questions.CountAsync());
    }

    [Fact]
    public async Task OrganizerOnlyWrites_RefuseSponsorInstitutionAndEvaluator()
    {
        var demo = await DemoAsync();
        int invitationId, questionId, mailsBefore;
        await using (var db = _factory.CreateDbContext())
        {
            mailsBefore = await db.OutgoingMails.CountAsync();
            invitationId = (await db.Invitations.FirstAsync(i => i.TenderProjectId == demo.Open && i.InstitutionId == demo.Thu)).Id;
            questionId = (await db.Questions.FirstAsync(q => q.TenderProjectId == demo.Open)).Id;
        }
        var projects = _factory.Services.GetRequiredService<ProjectService>();
        var deadline = DateTimeOffset.UtcNow.AddDays(30);
        foreach (var actor in new[] { Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: demo.Czj), demo.AsThu, Actor.Of("expert", Roles.Evaluator) })
        {
            await RefusedAsync(() => Invitations.PublishAsync(actor, [demo.Planning], deadline));
            await RefusedAsync(() => Invitations.AddAsync(actor, demo.Planning, demo.Sufe, "补充"));
            await RefusedAsync(() => Invitations.RemoveAsync(actor, demo.Planning, demo.Thu, "移出"));
            await RefusedAsync(() => Invitations.ResendAsync(actor, demo.Open, demo.Thu));
            await RefusedAsync(() => Invitations.SendAsync(actor, demo.Open, demo.Thu));
            await RefusedAsync(() => Invitations.ChaseAsync(actor, demo.Open));
            await RefusedAsync(() => Invitations.RecordCallAsync(actor, invitationId, "someone", DateTimeOffset.UtcNow.AddMinutes(-5), null));
            await RefusedAsync(() => Invitations.BoardAsync(actor, demo.Planning));
            await RefusedAsync(() => Invitations.RoundAsync(actor));
            await RefusedAsync(() => Questions.AnswerAsync(actor, questionId, "答复", false));
            await RefusedAsync(() => Questions.ExtendAsync(actor, demo.Open, deadline));
            await RefusedAsync(() => Questions.BoardAsync(actor, demo.Open));
            await RefusedAsync(() => projects.DetailsAsync(actor, demo.Open));
        }
        await using var check = _factory.CreateDbContext();
        Assert.Equal(ProjectStatus.Draft, (await check.Projects.SingleAsync(p => p.Id == demo.Planning)).Status);
        Assert.False(await check.Invitations.AnyAsync(i => i.TenderProjectId == demo.Planning && i.InstitutionId == demo.Sufe));
        Assert.Equal(mailsBefore, await check.OutgoingMails.CountAsync());
    }

    [Fact]
    public async Task Invitations_AuditNamesThePerson_WhoAddsAcknowledgesAndRecordsACall()
    {
        var demo = await DemoAsync();
        await Invitations.PublishAsync(Organizer, [demo.Planning], DateTimeOffset.UtcNow.AddDays(7));
        var before = await LastAuditAsync();
        await Invitations.AcknowledgeAsync(demo.AsThu, demo.Thu, demo.Planning);
        await Invitations.AddAsync(Organizer, demo.Planning, demo.Sufe, "财政专题也相关");
        await using var db = _factory.CreateDbContext();
        var thu = await db.Invitations.SingleAsync(i => i.TenderProjectId == demo.Planning && i.InstitutionId == demo.Thu);
        var sufe = await db.Invitations.SingleAsync(i => i.TenderProjectId == demo.Planning && i.InstitutionId == demo.Sufe);
        var pku = await db.Invitations.SingleAsync(i => i.TenderProjectId == demo.Planning && i.InstitutionId == demo.Pku);
        await Invitations.RecordCallAsync(Organizer, pku.Id, "培训办王老师", DateTimeOffset.UtcNow.AddMinutes(-10), "电话确认");

        Assert.Equal(["inst.thu"], await AuditActorsAsync(nameof(Invitation), thu.Id, before));
        Assert.Equal(["organizer"], await AuditActorsAsync(nameof(Invitation), sufe.Id, before));
        Assert.Equal(["organizer"], await AuditActorsAsync(nameof(Invitation), pku.Id, before));
    }

    [Fact]
    public async Task Questions_AuditNamesThePerson_WhoAsksAndWhoAnswers_AndTheAnswerMailNamesNoAsker()
    {
        var demo = await DemoAsync();
        await Invitations.PublishAsync(Organizer, [demo.Planning], DateTimeOffset.UtcNow.AddDays(7));
        var before = await LastAuditAsync();
        int mailsBefore;
        await using (var db = _factory.CreateDbContext()) mailsBefore = await db.OutgoingMails.CountAsync();

        await Questions.AskAsync(demo.AsThu, demo.Thu, demo.Planning, "现场教学安排在哪个城市？");
        // The asker sees its own question waiting; another invitee does not.
        Assert.Contains(await Questions.ForInstitutionAsync(demo.AsThu, demo.Thu, demo.Planning), q => q.Text == "现场教学安排在哪个城市？" && !q.IsAnswered);
        Assert.DoesNotContain(await Questions.ForInstitutionAsync(demo.AsPku, demo.Pku, demo.Planning), q => q.Text == "现场教学安排在哪个城市？");
        var board = await Questions.BoardAsync(Organizer, demo.Planning);
        var asked = Assert.Single(board.Questions);
        Assert.NotNull(asked.Asker);

        var mails = await Questions.AnswerAsync(Organizer, asked.Id, "现场教学安排在上海浦东。", isMaterial: false);

        Assert.Equal(["inst.thu", "organizer"], await AuditActorsAsync(nameof(Question), asked.Id, before));
        Assert.Contains(await Questions.ForInstitutionAsync(demo.AsPku, demo.Pku, demo.Planning), q => q.Answer == "现场教学安排在上海浦东。" && q.Asker is null);
        await using var check = _factory.CreateDbContext();
        var answerMails = await check.OutgoingMails.Where(m => m.Purpose == "answer").ToListAsync();
        Assert.Equal(mails, answerMails.Count);
        Assert.Equal(mailsBefore + mails, await check.OutgoingMails.CountAsync());
        var thu = await check.Institutions.Include(i => i.Contacts).SingleAsync(i => i.Id == demo.Thu);
        Assert.All(answerMails, m => Assert.Contains("答：现场教学安排在上海浦东。", m.TextBody));
        Assert.All(answerMails.Where(m => m.ToAddress != thu.PrimaryContact!.Email), m => Assert.DoesNotContain(thu.Name, m.TextBody));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ABidder_SeesWhereTheProjectStands_AfterTheOpening_UpToTheAward()
    {
        // The demo: C-04 under evaluation, C-05 shortlisted with its notice over, C-06 awarded (山东大学).
        await using var db = _factory.CreateDbContext();
        async Task<TenderStage> StageAsync(string code)
        {
            var project = await db.Projects.SingleAsync(p => p.Code == code);
            var institutionId = await db.Proposals.Where(p => p.TenderProjectId == project.Id).Select(p => p.InstitutionId).FirstAsync();
            return (await Invitations.InstitutionProjectAsync(Actor.Of("inst", Roles.Institution, institutionId), institutionId, project.Id)).Stage;
        }
        Assert.Equal(TenderStage.UnderEvaluation, await StageAsync("C-04"));
        Assert.Equal(TenderStage.AwaitingAward, await StageAsync("C-05"));
        Assert.Equal(TenderStage.Awarded, await StageAsync("C-06"));
    }
}
