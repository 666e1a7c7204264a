using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Evaluation;
using BidPortal.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The organizer's panel on a fresh copy of the demo: evaluators join and leave (C-01, a draft; C-03, opened
/// here), only evaluator accounts sit on a panel, the size advice, and the start refused below three.
/// </summary>
public class PanelServiceTests(PanelServiceTests.Fixture fixture) : IClassFixture<PanelServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private Panels Service => fixture.Services.GetRequiredService<Panels>();

    private async Task<int> ProjectIdAsync(string code)
    {
        await using var db = fixture.CreateDbContext();
        return await db.Projects.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Organizer_AddsAndRemovesEvaluators_AndTheAdviceFollowsTheSize()
    {
        var c01 = await ProjectIdAsync("C-01");
        var start = await Service.PanelAsync(Actors.Organizer, c01);
        Assert.Empty(start.Members);
        Assert.Contains(start.Candidates, c => c.UserName == "expert01");
        Assert.DoesNotContain(start.Candidates, c => c.UserName is "organizer" or "inst.pku" or "sponsor.czj");

        var advice = new Dictionary<int, PanelView>();
        for (var n = 1; n <= 6; n++)
        {
            await Service.AddAsync(Actors.Organizer, c01, $"expert0{n}");
            advice[n] = await Service.PanelAsync(Actors.Organizer, c01);
        }
        Assert.True(advice[2].IsTooSmall);
        Assert.True(advice[4].HasWarning && advice[4].IsBelowRecommended && advice[4].IsEven);
        Assert.False(advice[5].HasWarning);
        Assert.False(advice[5].IsTooSmall);
        Assert.True(advice[6].HasWarning && advice[6].IsEven && !advice[6].IsBelowRecommended);
        var six = advice[6];
        Assert.Equal(["expert01", "expert02", "expert03", "expert04", "expert05", "expert06"], six.Members.Select(m => m.UserName));
        await using (var db = fixture.CreateDbContext())
            Assert.Equal(await db.Users.Where(u => u.UserName == "expert01").Select(u => u.DisplayName).SingleAsync(TestContext.Current.CancellationToken),
                six.Members[0].DisplayName);
        Assert.DoesNotContain(six.Candidates, c => c.UserName == "expert01");
        // Not opened yet: the panel may change but the evaluation cannot start.
        Assert.True(six.CanChange);
        Assert.False(six.CanStart);

        await Service.RemoveAsync(Actors.Organizer, c01, six.Members.Single(m => m.UserName == "expert06").MemberId);
        var five = await Service.PanelAsync(Actors.Organizer, c01);
        Assert.Equal(5, five.Members.Count);
        Assert.Contains(five.Candidates, c => c.UserName == "expert06");
        // Twice the same evaluator: refused by name.
        var twice = await Assert.ThrowsAsync<DomainException>(() => Service.AddAsync(Actors.Organizer, c01, "expert01"));
        Assert.Equal("Panel.AlreadyMember", twice.Key);
    }

    [Theory]
    [InlineData("organizer")]
    [InlineData("inst.pku")]
    [InlineData("sponsor.czj")]
    [InlineData("nobody.at.all")]
    public async Task Add_AnAccountThatIsNotAnEvaluator_IsRefused(string login)
    {
        var c01 = await ProjectIdAsync("C-01");
        var before = (await Service.PanelAsync(Actors.Organizer, c01)).Members.Count;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.AddAsync(Actors.Organizer, c01, login));
        Assert.Equal("只有评审专家账号可以加入评审组。", refused.Message);
        Assert.Equal(before, (await Service.PanelAsync(Actors.Organizer, c01)).Members.Count);
    }

    [Fact]
    public async Task Start_WithTwoEvaluators_IsRefused_WithThreeItStarts_AndAMemberWithASheetStays()
    {
        var c03 = await ProjectIdAsync("C-03");
        await fixture.Services.GetRequiredService<Openings>().OpenAsync(Actors.Organizer, c03, TestContext.Current.CancellationToken);
        await Service.AddAsync(Actors.Organizer, c03, "expert07");
        await Service.AddAsync(Actors.Organizer, c03, "expert08");
        var two = await Service.PanelAsync(Actors.Organizer, c03);
        Assert.False(two.CanStart);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.StartEvaluationAsync(Actors.Organizer, c03));
        Assert.Equal("评审组至少需要 3 名评审专家。", refused.Message);
        Assert.Equal(ProjectStatus.Opened, (await Service.PanelAsync(Actors.Organizer, c03)).Status);

        await Service.AddAsync(Actors.Organizer, c03, "expert09");
        await Service.AddAsync(Actors.Organizer, c03, "expert01");
        await Service.SetBlindAsync(Actors.Organizer, c03, true);
        Assert.True((await Service.PanelAsync(Actors.Organizer, c03)).CanStart);
        await Service.StartEvaluationAsync(Actors.Organizer, c03);
        var started = await Service.PanelAsync(Actors.Organizer, c03);
        Assert.Equal(ProjectStatus.Evaluating, started.Status);
        Assert.True(started.BlindEvaluation);
        Assert.False(started.CanChangeBlindMode);
        await Assert.ThrowsAsync<DomainException>(() => Service.SetBlindAsync(Actors.Organizer, c03, false));

        // expert07 starts a draft: it stays on the panel; expert01, with nothing, may still leave.
        await using (var db = fixture.CreateDbContext())
        {
            var member = await db.PanelMembers.Include(m => m.Conflicts).SingleAsync(m => m.TenderProjectId == c03 && m.DisplayName == started.Members[0].DisplayName,
                TestContext.Current.CancellationToken);
            var proposal = await db.Proposals.Where(p => p.TenderProjectId == c03 && p.Status == ProposalStatus.Valid).Select(p => p.Id)
                .FirstAsync(TestContext.Current.CancellationToken);
            db.ScoreSheets.Add(new ScoreSheet(member, proposal));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var withSheet = (await Service.PanelAsync(Actors.Organizer, c03)).Members[0];
        Assert.Equal("expert07", withSheet.UserName);
        Assert.Equal(1, withSheet.Drafts);
        var stays = await Assert.ThrowsAsync<DomainException>(() => Service.RemoveAsync(Actors.Organizer, c03, withSheet.MemberId));
        Assert.Equal("Panel.HasScores", stays.Key);
        Assert.Contains(withSheet.DisplayName, stays.Message);
        await Service.RemoveAsync(Actors.Organizer, c03, started.Members.Single(m => m.UserName == "expert01").MemberId);
        Assert.Equal(["expert07", "expert08", "expert09"], (await Service.PanelAsync(Actors.Organizer, c03)).Members.Select(m => m.UserName));
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task Panel_ForAnyoneButTheOrganizer_IsRefused(string role)
    {
        var c01 = await ProjectIdAsync("C-01");
        var actor = Actors.Other(role);
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.PanelAsync(actor, c01))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.AddAsync(actor, c01, "expert09"))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.SetBlindAsync(actor, c01, true))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.StartEvaluationAsync(actor, c01))));
        Assert.DoesNotContain((await Service.PanelAsync(Actors.Organizer, c01)).Members, m => m.UserName == "expert09");
    }

    [Fact]
    public async Task Panel_OfAnUnknownProject_IsNotFound() =>
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.PanelAsync(Actors.Organizer, 987_654))));
}
