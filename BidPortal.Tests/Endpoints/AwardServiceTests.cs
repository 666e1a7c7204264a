using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Awards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The award (定标) through its service, on projects of their own made like C-05: the refusals as the sponsor reads them,
/// who may not award at all, one award however many clicks, and every bidder told its own outcome in its own language.
/// </summary>
public class AwardServiceTests(AwardServiceTests.Fixture fixture) : IClassFixture<AwardServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly string[] SecondAwardRefusals = ["Save.Conflict", "Save.Duplicate", "Project.WrongStatus"];

    private Awards Service => fixture.Services.GetRequiredService<Awards>();

    private static void Reader(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

    private async Task<(ProjectStatus Status, int Awards, int Mails)> StoredAsync(int projectId)
    {
        await using var db = fixture.CreateDbContext();
        var status = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Status).SingleAsync();
        var awards = await db.Awards.CountAsync(a => a.TenderProjectId == projectId);
        var mails = await db.OutgoingMails.CountAsync(m => m.Related != null && m.Related.StartsWith($"award:{projectId}"));
        return (status, awards, mails);
    }

    [Fact]
    public async Task Award_NotTheFirstWithoutAReason_IsRefused_AndNothingIsSaved()
    {
        Reader(Chinese);
        var clone = await ShortlistedClone.CreateAsync(fixture);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[1].ProposalId, "  "));

        Assert.Equal("Award.ReasonRequired", refused.Key);
        Assert.Equal("未选择排名第一的机构时，请说明理由。", refused.Message);
        Assert.Equal((ProjectStatus.Shortlisted, 0, 0), await StoredAsync(clone.ProjectId));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Award_DuringTheNotice_IsRefused_NamingItsEndInBeijingTime(string cultureName)
    {
        var culture = new CultureInfo(cultureName);
        Reader(culture);
        var clone = await ShortlistedClone.CreateAsync(fixture, noticeRunning: true);
        var end = BeijingTime.Format(clone.NoticeEndsAt, culture);

        var panel = await Service.PanelAsync(clone.LeadSponsor, clone.ProjectId);
        Assert.True(panel.CanDecide);
        Assert.False(panel.CanAwardNow);
        Assert.Contains(end, panel.Blocked);
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[0].ProposalId, null));

        Assert.Equal("Award.DuringNotice", refused.Key);
        Assert.Contains(end, refused.Message);
        Assert.Contains(culture.Name == "en" ? "Beijing time" : "北京时间", refused.Message);
        Assert.Equal((ProjectStatus.Shortlisted, 0, 0), await StoredAsync(clone.ProjectId));
    }

    [Fact]
    public async Task Award_WithAnObjectionOpen_IsRefused_SayingHowManyAwaitAnAnswer()
    {
        Reader(Chinese);
        var clone = await ShortlistedClone.CreateAsync(fixture, openObjection: true);

        var panel = await Service.PanelAsync(clone.LeadSponsor, clone.ProjectId);
        Assert.False(panel.CanAwardNow);
        Assert.Equal(1, panel.OpenObjections);
        Assert.Equal("尚有 1 项质疑未答复，答复后才能定标。", panel.Blocked);
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[0].ProposalId, null));

        Assert.Equal("Award.ObjectionOpen", refused.Key);
        Assert.Equal("尚有 1 项质疑未答复，答复后才能定标。", refused.Message);
        Assert.Equal((ProjectStatus.Shortlisted, 0, 0), await StoredAsync(clone.ProjectId));
    }

    [Fact]
    public async Task Award_ByAnotherSponsorTheOrganizerOrAnInstitution_IsRefused_AndAnUnknownProjectIsNotFound()
    {
        var clone = await ShortlistedClone.CreateAsync(fixture);
        var first = clone.Shortlist[0];
        Actor[] others =
        [
            Actor.Of("sponsor.hyj", Roles.Sponsor, sponsorUnitId: clone.LeadSponsorUnitId + 1),
            Actor.Of("organizer", Roles.Organizer),
            Actor.Of("inst.x", Roles.Institution, institutionId: first.InstitutionId),
            Actor.Of("expert01", Roles.Evaluator),
        ];
        foreach (var actor in others)
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Service.AwardAsync(actor, clone.ProjectId, first.ProposalId, "理由"));
            Assert.True(AccessPolicy.IsDenied(refused) || AccessPolicy.IsNotFound(refused), $"{actor}: {refused.Key}");
        }
        // The organizer reads the panel (without the controls); the others cannot.
        Assert.False((await Service.PanelAsync(others[1], clone.ProjectId)).CanDecide);
        foreach (var actor in others.Where(a => !a.IsOrganizer))
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.PanelAsync(actor, clone.ProjectId))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() =>
            Service.AwardAsync(clone.LeadSponsor, int.MaxValue, first.ProposalId, null))));
        Assert.Equal((ProjectStatus.Shortlisted, 0, 0), await StoredAsync(clone.ProjectId));
    }

    [Fact]
    public async Task Award_TwiceAtOnce_MakesOneAward_AndTheOtherIsRefusedInWords()
    {
        Reader(Chinese);
        var clone = await ShortlistedClone.CreateAsync(fixture);
        var tries = new[]
        {
            Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[0].ProposalId, null),
            Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[1].ProposalId, "另一个标签页的选择"),
        };
        var outcomes = await Task.WhenAll(tries.Select(async t =>
        {
            try { await t; return null; }
            catch (DomainException e) { return e; }
        }));

        Assert.Single(outcomes, o => o is null);
        var refused = Assert.Single(outcomes, o => o is not null)!;
        Assert.Contains(refused.Key, SecondAwardRefusals);
        Assert.DoesNotContain(refused.Key, refused.Message);
        var stored = await StoredAsync(clone.ProjectId);
        Assert.Equal(ProjectStatus.Awarded, stored.Status);
        Assert.Equal(1, stored.Awards);

        // A third try later: refused, and the panel says with whom and when it was awarded.
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[0].ProposalId, null));
        Assert.Equal("Project.WrongStatus", again.Key);
        var panel = await Service.PanelAsync(clone.LeadSponsor, clone.ProjectId);
        Assert.False(panel.CanAwardNow);
        Assert.NotNull(panel.Decision);
        Assert.StartsWith("本项目已于", panel.Blocked);
        Assert.Contains(panel.Decision!.Institution, panel.Blocked);
        Assert.Equal(1, (await StoredAsync(clone.ProjectId)).Awards);
    }

    [Fact]
    public async Task Award_TheSecondWithAReason_AwardsAtItsShortlistedPrice_AndTellsEveryBidderItsOwnRank_InItsLanguage()
    {
        Reader(Chinese);
        var clone = await ShortlistedClone.CreateAsync(fixture, invalidBids: 1);
        var picked = clone.Shortlist[1];
        string englishUser;
        await using (var db = fixture.CreateDbContext())
        {
            // One losing bidder's person reads English: its mail is wholly English.
            var loser = clone.RankOfInstitution.Where(r => r.Value > 2).Select(r => r.Key).First(id => db.Users.Any(u => u.InstitutionId == id));
            var user = await db.Users.FirstAsync(u => u.InstitutionId == loser);
            user.PreferredCulture = "en";
            englishUser = user.Email!;
            foreach (var other in await db.Users.Where(u => u.InstitutionId != null && u.Id != user.Id).ToListAsync()) other.PreferredCulture = "zh-CN";
            await db.SaveChangesAsync();
        }

        await Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, picked.ProposalId, "第一名的培训地点与本单位需求不符");

        await using var read = fixture.CreateDbContext();
        var project = await read.Projects.Include(p => p.Shortlist).SingleAsync(p => p.Id == clone.ProjectId);
        Assert.Equal(ProjectStatus.Awarded, project.Status);
        var award = await read.Awards.SingleAsync(a => a.TenderProjectId == clone.ProjectId);
        Assert.Equal(picked.InstitutionId, award.InstitutionId);
        Assert.Equal(project.Shortlist.Single(s => s.ProposalId == picked.ProposalId).Price, award.Amount);
        Assert.Equal("第一名的培训地点与本单位需求不符", award.Reason);
        Assert.Equal("sponsor.czj", award.DecidedBy);
        var record = await read.ExecutionRecords.SingleAsync(e => e.TenderProjectId == clone.ProjectId);
        Assert.Equal(award.Id, record.AwardId);

        var institutions = await read.Institutions.Include(i => i.Contacts).Where(i => clone.RankOfInstitution.Keys.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        var users = await read.Users.Where(u => u.InstitutionId != null && u.Email != null).ToListAsync();
        var mails = await read.OutgoingMails.Where(m => m.Purpose == OutcomeMail.OutcomePurpose && m.Related!.StartsWith($"award:{clone.ProjectId}:")).ToListAsync();
        var winnerZh = institutions[picked.InstitutionId].Name;
        foreach (var (institutionId, rank) in clone.RankOfInstitution)
        {
            var own = users.Where(u => u.InstitutionId == institutionId).Select(u => u.Email!).ToList();
            if (own.Count == 0) own = [institutions[institutionId].PrimaryContact!.Email];
            var received = mails.Where(m => m.Related == $"award:{clone.ProjectId}:{institutionId}").ToList();
            // One mail per person of the institution (its contact address when it has nobody), and nobody else's.
            Assert.Equal(own.Order(), received.Select(m => m.ToAddress).Order());
            foreach (var mail in received)
            {
                var english = mail.ToAddress == englishUser;
                if (institutionId == picked.InstitutionId)
                    Assert.Contains("贵机构已被选定承办", mail.TextBody);
                else if (rank is { } r)
                    Assert.Contains(english ? $"it ranked No. {r} of" : $"排名第 {r} 名", mail.TextBody);
                else
                    Assert.Contains("未参与排名：开标时投标被认定为无效", mail.TextBody);
                if (english)
                {
                    Assert.StartsWith("Award outcome:", mail.Subject);
                    Assert.Contains("(Beijing time)", mail.TextBody);
                    Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", mail.TextBody.Replace(mail.ToName, ""));
                }
                else
                {
                    Assert.StartsWith("定标结果：", mail.Subject);
                    Assert.Contains("（北京时间）", mail.TextBody);
                    if (institutionId != picked.InstitutionId) Assert.Contains(winnerZh, mail.TextBody);
                }
            }
        }
        Assert.Equal(mails.Count, mails.Select(m => m.ToAddress).Distinct().Count());
        Assert.Contains(clone.RankOfInstitution, r => r.Value is null);
        Assert.Contains(mails, m => m.ToAddress == englishUser);
        // The organizer is told, with the sponsor's reason.
        var note = Assert.Single(await read.OutgoingMails.Where(m => m.Purpose == OutcomeMail.OrganizerPurpose && m.Related == $"award:{clone.ProjectId}").ToListAsync());
        Assert.Contains("第一名的培训地点与本单位需求不符", note.TextBody);
        Assert.Contains("推荐第 2 位", note.TextBody);
    }

    [Fact]
    public async Task Outcome_IsShownToEachBidderOnceAwarded_WithItsOwnRankOnly()
    {
        Reader(Chinese);
        var clone = await ShortlistedClone.CreateAsync(fixture, invalidBids: 1);
        var loser = clone.RankOfInstitution.First(r => r.Value == 3).Key;
        var invalid = clone.RankOfInstitution.First(r => r.Value is null).Key;
        var winner = clone.Shortlist[0].InstitutionId;
        Actor Institution(int id) => Actor.Of("inst.x", Roles.Institution, institutionId: id);

        Assert.Null(await Service.OutcomeAsync(Institution(loser), loser, clone.ProjectId));
        await Service.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[0].ProposalId, null);

        var lost = (await Service.OutcomeAsync(Institution(loser), loser, clone.ProjectId))!;
        Assert.False(lost.Awarded);
        Assert.Equal(3, lost.Rank);
        Assert.Equal(clone.RankOfInstitution.Count(r => r.Value is not null), lost.Ranked);
        await using (var db = fixture.CreateDbContext())
            Assert.Equal((await db.Institutions.SingleAsync(i => i.Id == winner)).Name, lost.Winner);
        var won = (await Service.OutcomeAsync(Institution(winner), winner, clone.ProjectId))!;
        Assert.True(won.Awarded);
        Assert.Equal(1, won.Rank);
        var unranked = (await Service.OutcomeAsync(Institution(invalid), invalid, clone.ProjectId))!;
        Assert.False(unranked.Awarded);
        Assert.Null(unranked.Rank);

        // Another institution's outcome, the organizer, a sponsor: refused.
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.OutcomeAsync(Institution(winner), loser, clone.ProjectId))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.OutcomeAsync(Actors.Organizer, loser, clone.ProjectId))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.OutcomeAsync(clone.LeadSponsor, loser, clone.ProjectId))));
    }
}
