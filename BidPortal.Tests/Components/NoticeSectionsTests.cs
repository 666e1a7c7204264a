using System.Globalization;
using System.Security.Claims;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Components.Pages.Notice;
using BidPortal.Web.Features.Notice;
using BidPortal.Web.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BidPortal.Tests.Components;

/// <summary>
/// The bidder's notice section and the organizer's objections section with the app's own service on a database of
/// their own, C-05 on notice: what each shows, a refusal in the page for an empty box with nothing saved, the
/// confirmation before anything is sent, and the write once confirmed.
/// </summary>
public sealed class NoticeSectionsTests : ComponentTestBase, IAsyncLifetime
{
    private NoticeStage _stage = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public async ValueTask InitializeAsync()
    {
        _stage = await NoticeStage.BuildAsync();
        Services.AddSingleton(_stage.Factory.Services.GetRequiredService<Notices>());
        Services.AddSingleton<TimeProvider>(_stage.Clock);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _stage.DisposeAsync();
    }

    private static void Click<T>(IRenderedComponent<T> where, string text) where T : Microsoft.AspNetCore.Components.IComponent =>
        where.FindAll("button").First(b => b.TextContent.Trim() == text).Click();

    /// <summary>The field itself, whether MudBlazor puts the test id on it or on its wrapper.</summary>
    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> where, string id, string tag) where T : Microsoft.AspNetCore.Components.IComponent =>
        where.Find($"{tag}[data-testid={id}], [data-testid={id}] {tag}");

    private async Task<int> ObjectionsAsync()
    {
        await using var db = _stage.Factory.CreateDbContext();
        return await db.Objections.CountAsync(o => o.TenderProjectId == _stage.ProjectId);
    }

    [Fact]
    public async Task TheBidder_SeesTheRanking_AndItsRank_FilesAnObjection_OnlyOnceConfirmed()
    {
        UseCulture("en");
        var bidder = _stage.Others[0];
        AddAuthorization().SetAuthorized("inst.test").SetRoles(Roles.Institution)
            .SetClaims(new Claim(PortalClaims.InstitutionId, bidder.ToString(CultureInfo.InvariantCulture)));
        _dialogs = Render<MudDialogProvider>();
        var section = Render<NoticeSection>(p => p.Add(x => x.InstitutionId, bidder).Add(x => x.ProjectId, _stage.ProjectId));
        section.WaitForAssertion(() => Assert.Contains("Public notice of the recommended ranking", section.Markup));
        Assert.Equal(_stage.Shortlisted.Count, section.FindAll("[data-testid=notice-table] tbody tr").Count);
        // No tie: the rank says the recommended order, so the table has one column for it, not two identical ones.
        var heads = section.FindAll("[data-testid=notice-table] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Rank", heads);
        Assert.DoesNotContain("Recommended order", heads);
        Assert.Contains("(Beijing time)", section.Find("[data-testid=notice-end]").TextContent);
        Assert.Contains("Your institution ranks", section.Find("[data-testid=notice-own]").TextContent);
        var before = await ObjectionsAsync();

        Click(section, "File the objection");
        section.WaitForAssertion(() => Assert.Contains("Write the facts and reasons first.", section.Find("[data-testid=notice-error]").TextContent));
        Assert.Equal(before, await ObjectionsAsync());

        Field(section, "objection-reason", "textarea").Input("The second place's price has no breakdown.");
        Click(section, "File the objection");
        _dialogs.WaitForAssertion(() => Assert.Contains("cannot be changed or withdrawn", _dialogs.Markup));
        Click(_dialogs, "Cancel");
        _dialogs.WaitForAssertion(() => Assert.DoesNotContain("cannot be changed or withdrawn", _dialogs.Markup));
        Assert.Equal(before, await ObjectionsAsync());

        Click(section, "File the objection");
        _dialogs.WaitForAssertion(() => Assert.Contains("cannot be changed or withdrawn", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Last(b => b.TextContent.Trim() == "File").Click();
        await section.WaitForAssertionAsync(async () => Assert.Equal(before + 1, await ObjectionsAsync()));
        section.WaitForAssertion(() => Assert.Contains("The second place's price has no breakdown.", section.Find("[data-testid=own-objection]").TextContent));
        Assert.Contains("Awaiting answer", section.Markup);
        Assert.Empty(section.FindAll("[data-testid=objection-file]"));
    }

    [Fact]
    public void AnInstitutionThatDidNotBid_SeesNothing()
    {
        UseCulture("zh-CN");
        var institution = _stage.InvitedNotBidding;
        AddAuthorization().SetAuthorized("inst.test").SetRoles(Roles.Institution)
            .SetClaims(new Claim(PortalClaims.InstitutionId, institution.ToString(CultureInfo.InvariantCulture)));
        var section = Render<NoticeSection>(p => p.Add(x => x.InstitutionId, institution).Add(x => x.ProjectId, _stage.ProjectId));
        Assert.Empty(section.Markup.Trim());
        // Another institution's id in the address: nothing either.
        var other = Render<NoticeSection>(p => p.Add(x => x.InstitutionId, _stage.Shortlisted[0]).Add(x => x.ProjectId, _stage.ProjectId));
        Assert.Empty(other.Markup.Trim());
    }

    [Fact]
    public async Task TheOrganizer_AnswersAndReopens_AfterConfirming_AndThePageIsToldToReload()
    {
        UseCulture("zh-CN");
        var bidder = _stage.Others[0];
        await _stage.Factory.Services.GetRequiredService<Notices>()
            .FileObjectionAsync(NoticeStage.Institution(bidder), bidder, _stage.ProjectId, "请复核价格分。");
        AddAuthorization().SetAuthorized("organizer").SetRoles(Roles.Organizer);
        _dialogs = Render<MudDialogProvider>();
        var changed = 0;
        var section = Render<ObjectionsSection>(p => p.Add(x => x.ProjectId, _stage.ProjectId).Add(x => x.Changed, () => changed++));
        section.WaitForAssertion(() => Assert.Equal(_stage.ObjectionsAtStart + 1, section.FindAll("[data-testid=objection]").Count));
        Assert.Contains("待答复", section.Markup);
        Assert.Contains("已答复", section.Markup);
        // People are named, never by their login names: a filer without a display name is its institution alone.
        Assert.DoesNotContain("inst.test", section.Markup);
        Assert.DoesNotContain("organizer 于", section.Markup);
        Assert.Single(section.FindAll("[data-testid=objection-answer]"));

        Click(section, "答复");
        section.WaitForAssertion(() => Assert.Contains("请先写明答复。", section.Find("[data-testid=objection-error]").TextContent));

        Field(section, "objection-answer", "textarea").Input("质疑成立，重新评审。");
        Field(section, "objection-reopen", "input").Change(true);
        Click(section, "答复");
        section.WaitForAssertion(() => Assert.Contains("请写明重新开启评审的原因。", section.Find("[data-testid=objection-error]").TextContent));
        Field(section, "objection-reopen-reason", "textarea").Input("价格分计算有误");
        Click(section, "答复");
        _dialogs.WaitForAssertion(() => Assert.Contains("推荐名单撤回", _dialogs.Markup));
        _dialogs.FindAll(".mud-dialog button").Last(b => b.TextContent.Trim() == "答复").Click();

        await section.WaitForAssertionAsync(async () =>
        {
            await using var db = _stage.Factory.CreateDbContext();
            Assert.Equal(ProjectStatus.Evaluating, (await db.Projects.SingleAsync(p => p.Id == _stage.ProjectId)).Status);
        });
        section.WaitForAssertion(() => Assert.Empty(section.FindAll("[data-testid=objection-answer]")));
        Assert.Contains("答复时重新开启了评审。", section.Markup);
        Assert.Equal(1, changed);
    }
}
