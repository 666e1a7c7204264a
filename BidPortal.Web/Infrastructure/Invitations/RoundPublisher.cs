using BidPortal.Domain;
using BidPortal.Domain.Data;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure.Invitations;

/// <summary>
/// Publishing a round (step 3): the chosen draft projects open with one deadline, and every invited
/// institution gets one mail listing all of its projects in the round. Also resend, chase and extend.
/// </summary>
public sealed class RoundPublisher(InvitationMail mail, TimeProvider clock)
{
    public async Task<int> PublishAsync(BidPortalDbContext db, IReadOnlyCollection<int> projectIds, DateTimeOffset deadline, CancellationToken ct = default)
    {
        var projects = await ProjectsAsync(db, projectIds, ct);
        // Every project is checked before any changes: a round opens whole or not at all.
        foreach (var project in projects) project.Publish(deadline, clock);
        var items = projects.SelectMany(p => p.Invitations.Where(i => i.Status == InvitationStatus.Listed).Select(i => (Invitation: i, Project: p))).ToList();
        foreach (var (invitation, _) in items) invitation.MarkSent(clock);
        await db.SaveChangesAsync(ct);
        return await QueueAsync(db, items, InvitationMailKind.Invitation, ct: ct);
    }

    public async Task<int> ResendAsync(BidPortalDbContext db, int projectId, int institutionId, CancellationToken ct = default)
    {
        var project = (await ProjectsAsync(db, [projectId], ct)).Single();
        var invitation = project.Invitations.Single(i => i.InstitutionId == institutionId);
        invitation.MarkResent(clock);
        return await QueueAsync(db, [(invitation, project)], InvitationMailKind.Invitation, ct: ct);
    }

    /// <summary>Chases every invitation of the project that nobody has acknowledged yet.</summary>
    public async Task<int> ChaseAsync(BidPortalDbContext db, int projectId, CancellationToken ct = default)
    {
        var project = (await ProjectsAsync(db, [projectId], ct)).Single();
        var open = project.Invitations.Where(i => i.Status is InvitationStatus.Sent or InvitationStatus.Delivered).ToList();
        foreach (var invitation in open) invitation.Chase(clock);
        return await QueueAsync(db, [.. open.Select(i => (i, project))], InvitationMailKind.Chase, ct: ct);
    }

    /// <summary>A later deadline, announced to every invitee; bids already in must be confirmed again.</summary>
    public async Task<int> ExtendAsync(BidPortalDbContext db, int projectId, DateTimeOffset newDeadline, string reason, CancellationToken ct = default)
    {
        var project = (await ProjectsAsync(db, [projectId], ct)).Single();
        project.ExtendDeadline(newDeadline, clock);
        foreach (var proposal in await db.Proposals.Where(p => p.TenderProjectId == projectId).ToListAsync(ct))
            proposal.RequireReconfirmation();
        return await QueueAsync(db, [.. project.Invitations.Where(i => i.IsActive && i.Status != InvitationStatus.Listed).Select(i => (i, project))],
            InvitationMailKind.Extension, reason, ct);
    }

    /// <summary>A published answer goes to every invitee of the project, without the asker's name.</summary>
    public async Task<int> AnnounceAnswerAsync(BidPortalDbContext db, Question question, CancellationToken ct = default)
    {
        var project = (await ProjectsAsync(db, [question.TenderProjectId], ct)).Single();
        var text = $"{question.Text}\n— {question.Answer}";
        return await QueueAsync(db, [.. project.Invitations.Where(i => i.IsActive && i.Status != InvitationStatus.Listed).Select(i => (i, project))],
            InvitationMailKind.Answer, text, ct);
    }

    private async Task<int> QueueAsync(BidPortalDbContext db, IReadOnlyList<(Invitation Invitation, TenderProject Project)> items,
        InvitationMailKind kind, string? extra = null, CancellationToken ct = default)
    {
        var queued = 0;
        foreach (var group in items.GroupBy(i => i.Invitation.InstitutionId))
        {
            var institution = group.First().Invitation.Institution!;
            var message = mail.Compose(institution, [.. group], kind, extra);
            if (message is null)
            {
                foreach (var (invitation, _) in group) invitation.RecordDeliveryFailure("no contact address", clock);
                continue;
            }
            db.OutgoingMails.Add(message);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

    private static Task<List<TenderProject>> ProjectsAsync(BidPortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.Projects.Include(p => p.Invitations).ThenInclude(i => i.Institution).ThenInclude(i => i!.Contacts)
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct);
}
