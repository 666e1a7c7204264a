using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Notice;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Campaigns;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Features.Notice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The public notice (公示) and objections (质疑) through the app's services on a database of each test's own:
/// a bidder objects during the notice and the organizer is mailed; anyone else, or after the notice, is refused
/// with nothing saved; the answer is mailed to the bidder and may reopen scoring in the same save; no award while
/// an objection is open; the notice period is a campaign rule used by the next publication.
/// </summary>
public sealed class NoticeServiceTests : IAsyncLifetime
{
    private NoticeStage _stage = null!;

    public async ValueTask InitializeAsync() => _stage = await NoticeStage.BuildAsync();

    public async ValueTask DisposeAsync() => await _stage.DisposeAsync();

    private Notices Service => _stage.Factory.Services.GetRequiredService<Notices>();

    private async Task<(int Objections, int Mails)> CountsAsync()
    {
        await using var db = _stage.Factory.CreateDbContext();
        return (await db.Objections.CountAsync(o => o.TenderProjectId == _stage.ProjectId), await db.OutgoingMails.CountAsync());
    }

    private async Task<List<string>> AddressesAsync(Func<BidPortal.Domain.Data.BidPortalDbContext, IQueryable<AppUser>> users)
    {
        await using var db = _stage.Factory.CreateDbContext();
        return await users(db).Where(u => u.Email != null).Select(u => u.Email!).OrderBy(e => e).ToListAsync();
    }

    [Fact]
    public async Task ABidder_SeesTheRecommendedRanking_InOrder_WithTheNoticeEnd_AndItsOwnRankWhenOffTheList()
    {
        var first = _stage.Shortlisted[0];
        var onList = await Service.ForBidderAsync(NoticeStage.Institution(first), first, _stage.ProjectId);
        Assert.NotNull(onList);
        Assert.True(onList.Published);
        Assert.True(onList.AcceptsObjections);
        Assert.Equal(_stage.NoticeEndsAt, onList.NoticeEndsAt);
        Assert.Equal(Enumerable.Range(1, _stage.Shortlisted.Count), onList.Rows.Select(r => r.Position));
        Assert.Equal(onList.Rows.Select(r => r.Score).OrderDescending(), onList.Rows.Select(r => r.Score));
        Assert.True(onList.Rows[0].IsOwn);
        Assert.Null(onList.Own);

        // The same figures as the organizer's ranking: one loader.
        var ranking = await _stage.Factory.Services.GetRequiredService<Rankings>().ForProjectAsync(Actors.Organizer, _stage.ProjectId);
        Assert.Equal(ranking.Rows.Where(r => r.Shortlisted).Select(r => (r.Rank, r.Institution, r.Score)),
            onList.Rows.Select(r => (r.Rank, r.Institution, r.Score)));

        var other = _stage.Others[0];
        var offList = await Service.ForBidderAsync(NoticeStage.Institution(other), other, _stage.ProjectId);
        var mine = ranking.Rows.Single(r => r.InstitutionId == other);
        Assert.Equal(new NoticeStanding(mine.Rank, mine.Score), offList!.Own);
        Assert.DoesNotContain(offList.Rows, r => r.IsOwn);
        // Another institution's objection (the demo's, on record) is never shown.
        Assert.Equal(1, _stage.ObjectionsAtStart);
        Assert.Empty(onList.Objections);
        Assert.Empty(offList.Objections);

        // An invited institution that did not bid sees nothing; another institution's id in the address is refused.
        Assert.Null(await Service.ForBidderAsync(NoticeStage.Institution(_stage.InvitedNotBidding), _stage.InvitedNotBidding, _stage.ProjectId));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
            Service.ForBidderAsync(NoticeStage.Institution(other), first, _stage.ProjectId))));
    }

    [Fact]
    public async Task ABidder_FilesAnObjection_DuringTheNotice_TheOrganizerIsMailed_InTheSameSave()
    {
        var bidder = _stage.Others[^1];
        var before = await CountsAsync();
        await Service.FileObjectionAsync(NoticeStage.Institution(bidder, "inst.sdu"), bidder, _stage.ProjectId, "  第二名的报价单缺少分项明细，请复核。  ");

        await using var db = _stage.Factory.CreateDbContext();
        var objection = await db.Objections.SingleAsync(o => o.TenderProjectId == _stage.ProjectId && o.InstitutionId == bidder && o.AnsweredAt == null);
        Assert.Equal("第二名的报价单缺少分项明细，请复核。", objection.Reason);
        Assert.Equal(_stage.Clock.GetUtcNow(), objection.FiledAt);
        var organizers = await AddressesAsync(d => d.Users.Where(u => d.UserRoles.Any(ur => ur.UserId == u.Id
            && d.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Organizer))));
        var mails = await db.OutgoingMails.Where(m => m.Purpose == NoticeMail.ObjectionPurpose).ToListAsync();
        Assert.NotEmpty(organizers);
        Assert.Equal(organizers.Order(), mails.Select(m => m.ToAddress).Order());
        Assert.All(mails, m => Assert.Contains("第二名的报价单缺少分项明细", m.TextBody));
        Assert.All(mails, m => Assert.Contains("C-05", m.Subject));
        Assert.Equal((before.Objections + 1, before.Mails + mails.Count), await CountsAsync());

        // Its own objection shows, awaiting its answer; a second one waits for the answer.
        var view = await Service.ForBidderAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId);
        Assert.Single(view!.Objections);
        Assert.True(view.HasOpenObjection);
        Assert.False(view.AcceptsObjections);
        Assert.Equal("Objection.AlreadyOpen", (await Assert.ThrowsAsync<DomainException>(() =>
            Service.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId, "再次质疑"))).Key);
        // Another bidder never reads it.
        var other = await Service.ForBidderAsync(NoticeStage.Institution(_stage.Shortlisted[0]), _stage.Shortlisted[0], _stage.ProjectId);
        Assert.Empty(other!.Objections);
    }

    [Fact]
    public async Task AnObjection_FromANonBidder_AnotherInstitutionsId_AfterTheNotice_OrWithoutAReason_IsRefused_AndNothingSaved()
    {
        var before = await CountsAsync();
        var bidder = _stage.Others[0];
        var service = Service;

        // An institution invited that did not bid.
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
            service.FileObjectionAsync(NoticeStage.Institution(_stage.InvitedNotBidding), _stage.InvitedNotBidding, _stage.ProjectId, "质疑"))));
        // A bidder's id in the address, acted on by another institution's user.
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
            service.FileObjectionAsync(NoticeStage.Institution(_stage.InvitedNotBidding), bidder, _stage.ProjectId, "质疑"))));
        // Not an institution at all.
        foreach (var actor in new[] { Actors.Organizer, Actors.Other("sponsor"), Actors.Other("evaluator") })
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
                service.FileObjectionAsync(actor, bidder, _stage.ProjectId, "质疑"))));
        // Bad input, with its message.
        var empty = await Assert.ThrowsAsync<DomainException>(() => service.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId, "   "));
        Assert.Equal("Objection.ReasonRequired", empty.Key);
        Assert.Equal("请写明质疑的事实和理由。", empty.MessageIn(new CultureInfo("zh-CN")));
        Assert.Equal("Objection.TooLong", (await Assert.ThrowsAsync<DomainException>(() => service.FileObjectionAsync(
            NoticeStage.Institution(bidder), bidder, _stage.ProjectId, new string('理', Objection.ReasonMaxLength + 1)))).Key);
        // After the notice: told why.
        _stage.Clock.SetUtcNow(_stage.NoticeEndsAt.AddMinutes(1));
        var closed = await Assert.ThrowsAsync<DomainException>(() => service.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId, "质疑"));
        Assert.Equal("Objection.NoticeClosed", closed.Key);
        Assert.False((await service.ForBidderAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId))!.AcceptsObjections);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TheOrganizer_Answers_TheBidderIsMailedInItsLanguage_AndTheAwardWaitsForTheAnswer()
    {
        var bidder = _stage.Others[0];
        await Service.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId, "请复核师资评分。");
        var listed = await Service.ObjectionsAsync(Actors.Organizer, _stage.ProjectId);
        var row = listed.Objections[0];
        Assert.True(row.IsOpen);
        Assert.Equal(_stage.ObjectionsAtStart + 1, listed.Objections.Count);
        Assert.False(string.IsNullOrWhiteSpace(row.Institution));
        Assert.True(listed.CanReopenScoring);
        foreach (var role in new[] { "sponsor", "institution", "evaluator" })
        {
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.ObjectionsAsync(Actors.Other(role), _stage.ProjectId))));
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.AnswerAsync(Actors.Other(role), row.Id, "答复", false, null))));
        }

        // After the notice, with the objection open: no award (the objections loaded from the database).
        _stage.Clock.SetUtcNow(_stage.NoticeEndsAt.AddHours(1));
        await using (var db = _stage.Factory.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Shortlist).Include(p => p.Objections).SingleAsync(p => p.Id == _stage.ProjectId);
            var first = project.Shortlist.OrderBy(s => s.Position).First();
            var refused = Assert.Throws<DomainException>(() => project.Award(first.ProposalId, _stage.Shortlisted[0], null, "sponsor.czj", _stage.Clock));
            Assert.Equal("Award.ObjectionOpen", refused.Key);
            Assert.False(AccessPolicy.CanAward(Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: project.LeadSponsorUnitId), project, _stage.Clock.GetUtcNow()));
        }

        var before = await CountsAsync();
        Assert.Equal("Objection.AnswerRequired", (await Assert.ThrowsAsync<DomainException>(() =>
            Service.AnswerAsync(Actors.Organizer, row.Id, "  ", false, null))).Key);
        Assert.Equal(before, await CountsAsync());

        string englishReader;
        await using (var db = _stage.Factory.CreateDbContext())
        {
            var user = await db.Users.FirstAsync(u => u.InstitutionId == bidder && u.Email != null);
            user.PreferredCulture = "en";
            englishReader = user.Email!;
            await db.SaveChangesAsync();
        }
        await Service.AnswerAsync(Actors.Organizer, row.Id, "经复核，评分无误，推荐结果维持不变。", reopenScoring: false, reopenReason: null);

        await using (var db = _stage.Factory.CreateDbContext())
        {
            var answered = await db.Objections.SingleAsync(o => o.Id == row.Id);
            Assert.Equal(("经复核，评分无误，推荐结果维持不变。", "organizer", false), (answered.Answer, answered.AnsweredBy, answered.ReopenedScoring));
            var users = await db.Users.Where(u => u.InstitutionId == bidder && u.Email != null).ToListAsync();
            var mails = await db.OutgoingMails.Where(m => m.Purpose == NoticeMail.AnswerPurpose).ToListAsync();
            Assert.Equal(users.Select(u => u.Email).Order(), mails.Select(m => m.ToAddress).Order());
            Assert.All(mails, m => Assert.Contains("经复核，评分无误", m.TextBody));
            var english = mails.Single(m => m.ToAddress == englishReader);
            Assert.StartsWith("Answer to your objection: C-05", english.Subject);
            Assert.Contains("The recommended ranking stands.", english.TextBody);
            // Answered and the notice over: the award is possible again.
            var project = await db.Projects.Include(p => p.Objections).SingleAsync(p => p.Id == _stage.ProjectId);
            Assert.True(project.AcceptsAward(_stage.Clock.GetUtcNow()));
        }
        Assert.Equal("Objection.AlreadyAnswered", (await Assert.ThrowsAsync<DomainException>(() =>
            Service.AnswerAsync(Actors.Organizer, row.Id, "再答复", false, null))).Key);
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() =>
            Service.AnswerAsync(Actors.Organizer, 999_999, "答复", false, null))));
    }

    [Fact]
    public async Task AnAnswerThatReopensScoring_ReturnsTheProjectToEvaluating_ShortlistWithdrawn_InTheSameSave()
    {
        var bidder = _stage.Others[0];
        await Service.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId, "请复核价格分。");
        var id = (await Service.ObjectionsAsync(Actors.Organizer, _stage.ProjectId)).Objections[0].Id;

        // Reopening without its reason: refused, and the answer is not kept either.
        var before = await CountsAsync();
        Assert.Equal("Reopen.ReasonRequired", (await Assert.ThrowsAsync<DomainException>(() =>
            Service.AnswerAsync(Actors.Organizer, id, "质疑成立。", reopenScoring: true, reopenReason: " "))).Key);
        Assert.Equal(before, await CountsAsync());
        await using (var db = _stage.Factory.CreateDbContext())
            Assert.True((await db.Objections.SingleAsync(o => o.Id == id)).IsOpen);

        await Service.AnswerAsync(Actors.Organizer, id, "质疑成立，重新评审。", reopenScoring: true, reopenReason: "质疑成立：价格分计算有误");

        await using (var db = _stage.Factory.CreateDbContext())
        {
            var project = await db.Projects.Include(p => p.Shortlist).Include(p => p.Reopenings).SingleAsync(p => p.Id == _stage.ProjectId);
            Assert.Equal(ProjectStatus.Evaluating, project.Status);
            Assert.Empty(project.Shortlist);
            Assert.Null(project.ShortlistPublishedAt);
            Assert.Null(project.NoticeEndsAt);
            Assert.Equal("质疑成立：价格分计算有误", Assert.Single(project.Reopenings).Reason);
            var objection = await db.Objections.SingleAsync(o => o.Id == id);
            Assert.True(objection.ReopenedScoring);
            Assert.Contains(await db.OutgoingMails.Where(m => m.Purpose == NoticeMail.AnswerPurpose).Select(m => m.TextBody).ToListAsync(),
                t => t.Contains("质疑成立：价格分计算有误"));
        }
        // The bidder still reads its objection and the answer; the list is withdrawn.
        var view = await Service.ForBidderAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId);
        Assert.False(view!.Published);
        Assert.Empty(view.Rows);
        Assert.Equal("质疑成立，重新评审。", Assert.Single(view.Objections).Answer);
        Assert.False((await Service.ObjectionsAsync(Actors.Organizer, _stage.ProjectId)).CanReopenScoring);
    }

    [Fact]
    public async Task TheNoticePeriod_IsACampaignRule_CheckedOnSave_AndUsedByTheNextPublication_WhichMailsEveryBidder()
    {
        var campaigns = _stage.Factory.Services.GetRequiredService<Campaigns>();
        int campaignId;
        await using (var db = _stage.Factory.CreateDbContext())
            campaignId = await db.Projects.Where(p => p.Id == _stage.ProjectId).Select(p => p.CampaignId).SingleAsync();
        var rules = await campaigns.RulesAsync(Actors.Organizer, campaignId);
        Assert.Equal(3, rules.Settings.NoticeDays);
        foreach (var days in new[] { 0, 31 })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() =>
                campaigns.SaveRulesAsync(Actors.Organizer, campaignId, rules.Settings with { NoticeDays = days, ShortlistSize = 2 }));
            Assert.Equal("Campaign.NoticeDaysRange", refused.Key);
            Assert.Equal("公示期应为 1 至 30 天。", refused.MessageIn(new CultureInfo("zh-CN")));
            Assert.Equal(rules.Settings, (await campaigns.RulesAsync(Actors.Organizer, campaignId)).Settings);
        }
        await campaigns.SaveRulesAsync(Actors.Organizer, campaignId, rules.Settings with { NoticeDays = 7 });
        Assert.Equal(7, (await campaigns.RulesAsync(Actors.Organizer, campaignId)).Settings.NoticeDays);

        // A running notice keeps its end; the next publication of this project runs seven days.
        await using (var db = _stage.Factory.CreateDbContext())
            Assert.Equal(_stage.NoticeEndsAt, (await db.Projects.SingleAsync(p => p.Id == _stage.ProjectId)).NoticeEndsAt);
        var board = _stage.Factory.Services.GetRequiredService<EvaluationBoard>();
        await board.ReopenAsync(Actors.Organizer, _stage.ProjectId, "复核", []);
        await board.FinaliseAsync(Actors.Organizer, _stage.ProjectId);
        await board.PublishAsync(Actors.Organizer, _stage.ProjectId);
        await using (var db = _stage.Factory.CreateDbContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Id == _stage.ProjectId);
            Assert.Equal(project.ShortlistPublishedAt!.Value.AddDays(7), project.NoticeEndsAt);
            var bidders = _stage.Bidders.ToList();
            var users = await db.Users.Where(u => u.InstitutionId != null && bidders.Contains(u.InstitutionId.Value) && u.Email != null)
                .Select(u => u.Email!).ToListAsync();
            var mails = await db.OutgoingMails.Where(m => m.Purpose == NoticeMail.NoticeUpPurpose).ToListAsync();
            Assert.NotEmpty(users);
            Assert.Equal(users.Order(), mails.Select(m => m.ToAddress).Order());
            Assert.All(mails, m => Assert.Contains("（北京时间）", m.TextBody));
        }
    }
}
