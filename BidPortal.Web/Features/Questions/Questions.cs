using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Invitations;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Questions;

/// <summary>
/// Step 4 (答疑): invitees ask, the organizer answers, and the answer goes to every invitee without
/// the asker's name. A material answer close to the deadline offers an extension.
/// </summary>
public sealed class Questions(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, InvitationMail mail)
{
    /// <summary>A material answer within this many days of the deadline calls for an extension, of as many days.</summary>
    private const int ExtensionDays = 3;

    /// <summary>The organizer's view: every question with the asking institution's name.</summary>
    public async Task<QuestionBoard> BoardAsync(Actor actor, int projectId)
    {
        AccessPolicy.Demand(AccessPolicy.CanAnswerQuestions(actor));
        await using var db = await contexts.CreateDbContextAsync();
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId));
        var rows = await db.Questions.AsNoTracking().Where(q => q.TenderProjectId == projectId).OrderBy(q => q.AskedAt)
            .Join(db.Institutions, q => q.AskedByInstitutionId, i => i.Id, (q, i) => new { q, i.Name, i.NameEn })
            .ToListAsync();
        var reader = Language.Reader;
        var offers = project.Status == ProjectStatus.Open && project.Deadline is { } deadline
            && rows.Any(r => r.q.CallsForExtension(deadline, ExtensionDays));
        // The same institutions AnswerAsync mails: those the invitation went out to and still on the list.
        var invitees = await db.Invitations.Where(Invitation.Invited)
            .CountAsync(i => i.TenderProjectId == projectId && i.Status != InvitationStatus.Declined);
        return new QuestionBoard(project.Id, project.Status == ProjectStatus.Open, project.Deadline,
            [.. rows.Select(r => Item(r.q, Language.Pick(reader, r.Name, r.NameEn)))],
            offers, offers ? project.Deadline!.Value.AddDays(ExtensionDays) : null, invitees);
    }

    /// <summary>
    /// Publishes an answer: the answer, its audit entry and one mail to every invitee (the question
    /// and the answer, never who asked) are saved together.
    /// </summary>
    /// <returns>How many mails were queued.</returns>
    public async Task<int> AnswerAsync(Actor actor, int questionId, string answer, bool isMaterial)
    {
        AccessPolicy.Demand(AccessPolicy.CanAnswerQuestions(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var question = AccessPolicy.Found(await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId));
        var project = await Invitations.Invitations.WithInvitees(db).SingleAsync(p => p.Id == question.TenderProjectId);
        if (project.Status != ProjectStatus.Open) throw new DomainException("Project.WrongStatus", project.Status);
        question.AnswerWith(answer, isMaterial, clock);
        var queued = mail.Queue(db, Invitees(project), InvitationMailKind.Answer, question);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>
    /// A later deadline, announced to every invitee; proposals already in must be confirmed again.
    /// The deadline, the re-confirmation flags and the mails are saved together.
    /// </summary>
    /// <returns>How many mails were queued.</returns>
    public async Task<int> ExtendAsync(Actor actor, int projectId, DateTimeOffset newDeadline)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var project = AccessPolicy.Found(await Invitations.Invitations.WithInvitees(db).SingleOrDefaultAsync(p => p.Id == projectId));
        project.ExtendDeadline(newDeadline, clock);
        foreach (var proposal in await db.Proposals.Where(p => p.TenderProjectId == projectId).ToListAsync())
            proposal.RequireReconfirmation();
        var queued = mail.Queue(db, Invitees(project), InvitationMailKind.Extension);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>
    /// What an invited institution sees on a project: the published answers (without who asked),
    /// then its own questions still waiting for an answer.
    /// </summary>
    public async Task<IReadOnlyList<QuestionItem>> ForInstitutionAsync(Actor actor, int institutionId, int projectId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var invitation = await db.Invitations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == institutionId);
        AccessPolicy.Demand(invitation is not null && AccessPolicy.CanSeeInvitation(actor, invitation));
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.TenderProjectId == projectId && (q.Status == QuestionStatus.Answered || q.AskedByInstitutionId == institutionId))
            .ToListAsync();
        // The organizer looking at an institution's page sees what that institution sees.
        var viewer = actor.IsOrganizer ? Actor.Of(actor.UserName, Domain.Identity.Roles.Institution, institutionId) : actor;
        return [.. questions.Where(q => AccessPolicy.CanSeeQuestion(viewer, q, invitation))
            .OrderBy(q => q.Status == QuestionStatus.Answered ? 0 : 1).ThenBy(q => q.AnsweredAt ?? q.AskedAt)
            .Select(q => Item(q, asker: null))];
    }

    /// <summary>An invited institution asks the organizer; only the institution itself may ask on its invitation.</summary>
    public async Task AskAsync(Actor actor, int institutionId, int projectId, string text)
    {
        await using var db = await contexts.CreateForAsync(actor);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == institutionId);
        AccessPolicy.Demand(invitation is not null && AccessPolicy.CanRespondToInvitation(actor, invitation));
        var project = AccessPolicy.Found(await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId));
        db.Questions.Add(new Question(project, invitation!, text, clock));
        await db.SaveChangesAsync();
    }

    /// <summary>Everyone the invitation went out to and who is still on the list.</summary>
    private static List<(Invitation, TenderProject)> Invitees(TenderProject project) =>
        [.. project.Invitations.Where(i => i.IsActive && i.IsInvited).Select(i => (i, project))];

    private static QuestionItem Item(Question q, string? asker) =>
        new(q.Id, q.Text, q.AskedAt, q.Answer, q.AnsweredAt, q.IsMaterial, asker);
}
