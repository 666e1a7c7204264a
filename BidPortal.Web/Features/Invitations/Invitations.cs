using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Invitations;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Invitations;

/// <summary>
/// Step 3: who is invited to a project and why, publishing a round (the projects open and one mail
/// per institution goes out), resend, chase, phone calls; and the institution's side: its
/// invitations, acknowledging or declining in the portal or by the signed link in the mail.
/// </summary>
public sealed class Invitations(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, InvitationMail mail, InvitationLinks links)
{
    private static readonly Func<Invitation, bool> IsAwaitingSend = Invitation.AwaitingSend.Compile();

    // ---- The organizer's board ----

    public async Task<InvitationBoard> BoardAsync(Actor actor, int projectId)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync();
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId));
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Category).ThenBy(i => i.Code).ToListAsync();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.TenderProjectId == projectId).ToDictionaryAsync(i => i.InstitutionId);
        var reader = Language.Reader;
        var rows = institutions
            .Select(institution =>
            {
                var decision = InvitationRule.Decide(institution, project.Tags);
                var i = invitations.GetValueOrDefault(institution.Id);
                return new InvitationRow(institution.Id, institution.Code, institution.NameIn(reader), institution.Category, institution.Tags,
                    decision.Invited, decision.Basis, decision.SharedTags,
                    i?.Id, i?.Status, i?.Basis, i?.Note, i?.PhoneConfirmedBy, i?.PhoneConfirmedAt, i?.LastDeliveryError, i?.ChaseCount ?? 0);
            })
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Category)
            .ToList();
        return new InvitationBoard(project.Id, project.Status, project.AwaitsOpening(clock.GetUtcNow()),
            invitations.Values.Count(i => i.IsInvited), invitations.Values.Count(IsAwaitingSend), rows);
    }

    /// <summary>
    /// Puts an institution on the list: by the routing rule, or by the organizer with a note saying why.
    /// On a published project the invitation goes out at once: the invitation (Sent) and its mail are
    /// saved together, so a late invitee is never left "to be sent".
    /// </summary>
    /// <returns>How many mails were queued (0 on a draft project).</returns>
    public async Task<int> AddAsync(Actor actor, int projectId, int institutionId, string? note)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var project = AccessPolicy.Found(await WithInvitees(db).SingleOrDefaultAsync(p => p.Id == projectId));
        var institution = AccessPolicy.Found(await db.Institutions.Include(i => i.Contacts).SingleOrDefaultAsync(i => i.Id == institutionId));
        RequireNotClosed(project);
        var decision = InvitationRule.Decide(institution, project.Tags);
        var invitation = project.Invite(institution, decision.Invited ? decision.Basis!.Value : InvitationBasis.AddedByOrganizer, note);
        var queued = 0;
        if (project.Status == ProjectStatus.Open)
        {
            invitation.MarkSent(clock);
            queued = mail.Queue(db, [(invitation, project)], InvitationMailKind.Invitation);
        }
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>Takes an institution off the list before its invitation is sent; the note says why.</summary>
    public async Task RemoveAsync(Actor actor, int projectId, int institutionId, string note)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var invitation = AccessPolicy.Found(await db.Invitations
            .SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == institutionId));
        invitation.Remove(note);
        await db.SaveChangesAsync();
    }

    // ---- Publishing a round ----

    public async Task<PublishRound> RoundAsync(Actor actor)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync();
        var campaign = await OpenCampaign.FindAsync(db);
        if (campaign is null) return new PublishRound(7, []);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.CampaignId == campaign.Id && p.Status == ProjectStatus.Draft).OrderBy(p => p.Code)
            .Select(p => new { p.Id, p.Code, p.Title, p.TitleEn, AwaitingSend = p.Invitations.AsQueryable().Count(Invitation.AwaitingSend) })
            .ToListAsync();
        var reader = Language.Reader;
        return new PublishRound(campaign.DefaultBidWindowDays,
            [.. projects.Select(p => new DraftProjectRow(p.Id, p.Code, Language.Pick(reader, p.Title, p.TitleEn), p.AwaitingSend))]);
    }

    /// <summary>How many institutions would get an invitation mail if these draft projects were published now (one each).</summary>
    public async Task<int> RecipientsAsync(Actor actor, IReadOnlyCollection<int> projectIds)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Invitations.AsNoTracking().Where(Invitation.AwaitingSend)
            .Where(i => projectIds.Contains(i.TenderProjectId))
            .Select(i => i.InstitutionId).Distinct().CountAsync();
    }

    /// <summary>
    /// Opens the draft projects with one deadline. Every project is checked before anything changes;
    /// the projects, their invitations (now Sent) and one mail per institution listing all of its
    /// projects in the round are saved together or not at all.
    /// </summary>
    /// <returns>How many mails were queued.</returns>
    public async Task<int> PublishAsync(Actor actor, IReadOnlyCollection<int> projectIds, DateTimeOffset deadline)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        if (projectIds.Count == 0) throw new DomainException(AccessPolicy.NotFoundKey);
        await using var db = await contexts.CreateForAsync(actor);
        var projects = await WithInvitees(db).Where(p => projectIds.Contains(p.Id)).ToListAsync();
        if (projects.Count != projectIds.Distinct().Count()) throw new DomainException(AccessPolicy.NotFoundKey);
        // A round opens whole or not at all: a refusal here leaves every project as it was, since nothing is saved.
        foreach (var project in projects) project.Publish(deadline, clock);
        var items = projects.SelectMany(p => p.Invitations.Where(IsAwaitingSend).Select(i => (Invitation: i, Project: p))).ToList();
        foreach (var (invitation, _) in items) invitation.MarkSent(clock);
        var queued = mail.Queue(db, items, InvitationMailKind.Invitation);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>
    /// A late addition to an open project: its invitation goes out now. The invitation (Sent) and its
    /// mail are saved together.
    /// </summary>
    public async Task<int> SendAsync(Actor actor, int projectId, int institutionId)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var project = AccessPolicy.Found(await WithInvitees(db).SingleOrDefaultAsync(p => p.Id == projectId));
        if (project.Status != ProjectStatus.Open) throw new DomainException("Project.WrongStatus", project.Status);
        RequireNotClosed(project);
        var invitation = AccessPolicy.Found(project.Invitations.SingleOrDefault(i => i.InstitutionId == institutionId));
        invitation.MarkSent(clock);
        var queued = mail.Queue(db, [(invitation, project)], InvitationMailKind.Invitation);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>Sends one institution's invitation again (a lost mail, a new contact).</summary>
    public async Task<int> ResendAsync(Actor actor, int projectId, int institutionId)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var project = AccessPolicy.Found(await WithInvitees(db).SingleOrDefaultAsync(p => p.Id == projectId));
        if (project.Status != ProjectStatus.Open) throw new DomainException("Project.WrongStatus", project.Status);
        RequireNotClosed(project);
        var invitation = AccessPolicy.Found(project.Invitations.SingleOrDefault(i => i.InstitutionId == institutionId));
        invitation.Resend(clock);
        var queued = mail.Queue(db, [(invitation, project)], InvitationMailKind.Invitation);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>
    /// Chases every invitation of the project that nobody has acknowledged yet. As publishing does, each
    /// institution gets ONE mail, listing all of its projects in the campaign still open and unacknowledged
    /// (not one mail per project); every invitation in it counts as chased. Refused once the deadline has passed.
    /// </summary>
    /// <returns>How many mails were queued (one per institution).</returns>
    public async Task<int> ChaseAsync(Actor actor, int projectId)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var project = AccessPolicy.Found(await WithInvitees(db).SingleOrDefaultAsync(p => p.Id == projectId));
        if (project.Status != ProjectStatus.Open) throw new DomainException("Project.WrongStatus", project.Status);
        RequireNotClosed(project);
        var now = clock.GetUtcNow();
        var awaiting = project.Invitations.Where(i => i.IsAwaitingAcknowledgement).ToList();
        // Chased within the hour: nobody gets a second copy; say when the next chase may go.
        if (awaiting.Count > 0 && awaiting.All(i => !i.MayBeChased(now)))
            throw new DomainException("Invitation.ChasedRecently", awaiting.Min(i => i.LastChasedAt!.Value) + Invitation.MailGap);
        var institutions = awaiting.Where(i => i.MayBeChased(now)).Select(i => i.InstitutionId).ToHashSet();
        var siblings = await WithInvitees(db)
            .Where(p => p.CampaignId == project.CampaignId && p.Status == ProjectStatus.Open && p.Deadline > now)
            .OrderBy(p => p.Code).ToListAsync();
        var items = siblings
            .SelectMany(p => p.Invitations.Where(i => institutions.Contains(i.InstitutionId) && i.IsAwaitingAcknowledgement && i.MayBeChased(now))
                .Select(i => (i, p)))
            .ToList();
        foreach (var (invitation, _) in items) invitation.Chase(clock);
        var queued = mail.Queue(db, items, InvitationMailKind.Chase);
        await db.SaveChangesAsync();
        return queued;
    }

    /// <summary>Past its deadline a project waits for the opening: no more invitations, sends or chasing.</summary>
    private void RequireNotClosed(TenderProject project)
    {
        if (project.AwaitsOpening(clock.GetUtcNow())) throw new DomainException("Tender.DeadlinePassed", project.Code);
    }

    /// <summary>The organizer's record of a phone confirmation; it counts as acknowledgement.</summary>
    public async Task RecordCallAsync(Actor actor, int invitationId, string calledBy, DateTimeOffset calledAt, string? note)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var invitation = AccessPolicy.Found(await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId));
        invitation.RecordPhoneConfirmation(calledBy, calledAt, note, clock);
        await db.SaveChangesAsync();
    }

    // ---- The institution's side ----

    /// <summary>
    /// The invitations that went out to an institution, newest deadline first, each with its campaign and
    /// whether it still accepts proposals; the list opens on the current campaign.
    /// </summary>
    public async Task<InstitutionHome> InstitutionHomeAsync(Actor actor, int institutionId)
    {
        AccessPolicy.Demand(AccessPolicy.CanSeeInstitution(actor, institutionId));
        await using var db = await contexts.CreateDbContextAsync();
        var institution = AccessPolicy.Found(await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == institutionId));
        var rows = await db.Invitations.AsNoTracking().Where(Invitation.Invited)
            .Where(i => i.InstitutionId == institutionId)
            .Join(db.Projects, i => i.TenderProjectId, p => p.Id, (i, p) => new { i, p })
            .OrderByDescending(x => x.p.Deadline)
            .Select(x => new
            {
                Project = x.p, x.i.Status,
                Proposal = db.Proposals.Where(b => b.TenderProjectId == x.p.Id && b.InstitutionId == institutionId)
                    .Select(b => (BidPortal.Domain.Proposals.ProposalStatus?)b.Status).FirstOrDefault(),
                Receipt = db.ProposalVersions
                    .Where(v => db.Proposals.Any(b => b.Id == v.ProposalId && b.TenderProjectId == x.p.Id && b.InstitutionId == institutionId))
                    .OrderByDescending(v => v.Number).Select(v => v.ReceiptNumber).FirstOrDefault(),
            })
            .ToListAsync();
        var campaignIds = rows.Select(r => r.Project.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToListAsync();
        var current = (await OpenCampaign.FindAsync(db))?.Id;
        var reader = Language.Reader;
        var now = clock.GetUtcNow();
        var options = campaigns.OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new CampaignOption(c.Id, c.Year, c.NameIn(reader))).ToList();
        // The current campaign when the institution has projects in it, else its newest.
        var selected = options.Any(o => o.Id == current) ? current : options.FirstOrDefault()?.Id;
        return new InstitutionHome(institution.Id, institution.NameIn(reader), institution.Category, options, selected,
            [.. rows.Select(r => new InstitutionInvitationRow(r.Project.Id, r.Project.CampaignId, r.Project.Code, r.Project.TitleIn(reader),
                r.Project.Deadline, r.Status, StageOf(r.Project, now), r.Proposal, r.Receipt))]);
    }

    /// <summary>Where a project stands for a bidder: open for proposals, closed awaiting opening, or further on.</summary>
    private static TenderStage StageOf(TenderProject project, DateTimeOffset now) =>
        project.AcceptsProposals(now) ? TenderStage.Open
        : project.AwaitsOpening(now) ? TenderStage.AwaitingOpening
        : project.Status switch
        {
            ProjectStatus.Cancelled => TenderStage.Cancelled,
            ProjectStatus.Unsuccessful => TenderStage.Unsuccessful,
            ProjectStatus.Evaluating or ProjectStatus.Finalised => TenderStage.UnderEvaluation,
            ProjectStatus.Shortlisted => project.InNotice(now) ? TenderStage.InNotice : TenderStage.AwaitingAward,
            ProjectStatus.Awarded => TenderStage.Awarded,
            ProjectStatus.Completed => TenderStage.Completed,
            _ => TenderStage.Opened,
        };

    /// <summary>A project as the invited institution sees it (the organizer may look too).</summary>
    public async Task<InstitutionProject> InstitutionProjectAsync(Actor actor, int institutionId, int projectId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var invitation = await db.Invitations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == institutionId);
        // The organizer sees any invitation that went out; for anything else the address names nothing (404).
        if (actor.IsOrganizer && invitation is not { IsInvited: true }) throw new DomainException(AccessPolicy.NotFoundKey);
        // To an institution a listed-but-unsent, removed or missing invitation is refused alike: the address reveals nothing.
        AccessPolicy.Demand(invitation is not null && AccessPolicy.CanSeeInvitation(actor, invitation));
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId));
        var mine = AccessPolicy.CanRespondToInvitation(actor, invitation!);
        return new InstitutionProject(institutionId, project.Id, project.Code, project.TitleIn(Language.Reader), project.Theme, project.Headcount,
            project.BudgetCeiling, project.Description, project.Deadline, invitation!.Status, StageOf(project, clock.GetUtcNow()),
            CanRespond: mine && invitation.IsAwaitingAcknowledgement && project.AcceptsProposals(clock.GetUtcNow()),
            CanAsk: mine && invitation.IsActive && project.AcceptsProposals(clock.GetUtcNow()));
    }

    public Task AcknowledgeAsync(Actor actor, int institutionId, int projectId) =>
        RespondAsync(actor, institutionId, projectId, i => i.Acknowledge(AcknowledgedVia.Portal, clock));

    public Task DeclineAsync(Actor actor, int institutionId, int projectId) =>
        RespondAsync(actor, institutionId, projectId, i => i.Decline(clock));

    private async Task RespondAsync(Actor actor, int institutionId, int projectId, Action<Invitation> change)
    {
        await using var db = await contexts.CreateForAsync(actor);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == institutionId);
        // Only the invited institution itself: another institution's id in the address is refused here, not just on the page.
        AccessPolicy.Demand(invitation is not null && AccessPolicy.CanRespondToInvitation(actor, invitation));
        change(invitation!);
        await db.SaveChangesAsync();
    }

    // ---- The signed link in the mail ----

    /// <summary>What the link shows when it is opened. Opening it changes nothing: link scanners follow links.</summary>
    public async Task<AckView> ReadLinkAsync(Actor actor, string token)
    {
        var link = links.Read(token);
        if (link.State != LinkState.Valid) return new AckView(link.State, "", [], 0);
        await using var db = await contexts.CreateDbContextAsync();
        var invitations = await LinkedInvitations(db, link).AsNoTracking().ToListAsync();
        if (invitations.Count == 0) return new AckView(LinkState.Tampered, "", [], 0);
        var reader = Language.Reader;
        var ids = invitations.Select(i => i.TenderProjectId).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync();
        return new AckView(LinkState.Valid, invitations[0].Institution!.NameIn(reader),
            [.. projects.Select(p => $"{p.Code} {p.TitleIn(reader)}")], invitations.Count(i => i.IsAwaitingAcknowledgement));
    }

    /// <summary>
    /// The link's confirm button: acknowledges the invitations the link names that still await it.
    /// The signed link is the authority; the audit names the person when one of the institution's
    /// users is signed in, otherwise the link and the institution it was made for.
    /// </summary>
    /// <returns>How many invitations were acknowledged.</returns>
    public async Task<int> AcknowledgeByLinkAsync(Actor actor, string token)
    {
        var link = links.Read(token);
        if (link.State != LinkState.Valid) throw new DomainException(AccessPolicy.DeniedKey);
        // Whoever else is signed in while using the link is named beside it: a competitor's account shows.
        var byLink = actor.ActsForInstitution(link.InstitutionId)
            ? actor
            : new Actor(actor.IsAuthenticated
                    ? $"ack-link:institution-{link.InstitutionId} (signed in: {actor.UserName})"
                    : $"ack-link:institution-{link.InstitutionId}",
                new HashSet<string>(), link.InstitutionId);
        await using var db = await contexts.CreateForAsync(byLink);
        var pending = (await LinkedInvitations(db, link).ToListAsync()).Where(i => i.IsAwaitingAcknowledgement).ToList();
        foreach (var invitation in pending) invitation.Acknowledge(AcknowledgedVia.EmailLink, clock);
        await db.SaveChangesAsync();
        return pending.Count;
    }

    /// <summary>Only the invitations the link names, and only those of the institution it was made for.</summary>
    private static IQueryable<Invitation> LinkedInvitations(BidPortalDbContext db, AckLink link) =>
        db.Invitations.Include(i => i.Institution)
            .Where(i => link.InvitationIds.Contains(i.Id) && i.InstitutionId == link.InstitutionId);

    /// <summary>Projects with their invitations and each institution's contacts: what a mail needs.</summary>
    internal static IQueryable<TenderProject> WithInvitees(BidPortalDbContext db) =>
        db.Projects.Include(p => p.Invitations).ThenInclude(i => i.Institution).ThenInclude(i => i!.Contacts);
}
