using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BidPortal.Tests.Support;

/// <summary>
/// The demo's shortlisted project C-05 in a database of the test's own, with the app's clock moved back to an hour
/// after its shortlist was published: its recommended ranking is on notice. Who bid, who is on the list, and an
/// institution invited that did not bid.
/// </summary>
public sealed class NoticeStage : IAsyncDisposable
{
    public required PortalFactory Factory { get; init; }
    public required FakeTimeProvider Clock { get; init; }
    public required int ProjectId { get; init; }
    public required DateTimeOffset NoticeEndsAt { get; init; }
    /// <summary>Shortlisted institutions in recommended order.</summary>
    public required IReadOnlyList<int> Shortlisted { get; init; }
    /// <summary>Bidders with a valid proposal and a user of their own, not on the list and without the demo's objection.</summary>
    public required IReadOnlyList<int> Others { get; init; }
    /// <summary>Every institution with an opened proposal of the current round.</summary>
    public required IReadOnlyList<int> Bidders { get; init; }
    public required int InvitedNotBidding { get; init; }
    public required int ObjectionsAtStart { get; init; }

    public static async Task<NoticeStage> BuildAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-40));
        var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" }, clock: clock);
        await using var db = factory.CreateDbContext();
        var project = await db.Projects.AsNoTracking().Include(p => p.Shortlist).Include(p => p.Objections).Include(p => p.Invitations)
            .SingleAsync(p => p.Code == "C-05");
        clock.SetUtcNow(project.ShortlistPublishedAt!.Value.AddHours(1));
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.TenderProjectId == project.Id && p.Round == project.Round)
            .ToListAsync();
        var institutionOf = proposals.ToDictionary(p => p.Id, p => p.InstitutionId);
        var shortlisted = project.Shortlist.OrderBy(s => s.Position).Select(s => institutionOf[s.ProposalId]).ToList();
        var bidders = proposals.Select(p => p.InstitutionId).ToHashSet();
        var objectors = project.Objections.Select(o => o.InstitutionId).ToHashSet();
        var withUsers = (await db.Users.Where(u => u.InstitutionId != null).Select(u => u.InstitutionId!.Value).ToListAsync()).ToHashSet();
        return new NoticeStage
        {
            Factory = factory,
            Clock = clock,
            ProjectId = project.Id,
            NoticeEndsAt = project.NoticeEndsAt!.Value,
            Shortlisted = shortlisted,
            Others = [.. proposals.Where(p => p.Status == ProposalStatus.Valid && !shortlisted.Contains(p.InstitutionId)
                && !objectors.Contains(p.InstitutionId) && withUsers.Contains(p.InstitutionId)).Select(p => p.InstitutionId)],
            Bidders = [.. proposals.Where(p => p.Status is ProposalStatus.Valid or ProposalStatus.Invalid).Select(p => p.InstitutionId).Distinct()],
            InvitedNotBidding = project.Invitations.Select(i => i.InstitutionId).First(i => !bidders.Contains(i)),
            ObjectionsAtStart = project.Objections.Count,
        };
    }

    /// <summary>A user of the institution, acting for it.</summary>
    public static Actor Institution(int institutionId, string login = "inst.test") => Actor.Of(login, Roles.Institution, institutionId: institutionId);

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
