using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The award as the people do it, on projects of their own made like C-05: during the notice the sponsor's panel says
/// until when and keeps its button disabled; after it, the lead sponsor (sponsor.czj) picks the second on the shortlist
/// with a reason and confirms; a losing bidder then signs in and reads its own rank on its project page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AwardFlowTests(BrowserFixture browser)
{
    private static readonly HashSet<string> Accounts = ["pku", "thu", "sufe", "xnai", "nau", "ouc", "sdu"];
    private const string Reason = "第一名的培训时间与本单位年度安排冲突";

    [Fact]
    public async Task SponsorAwardsTheSecondWithAReason_ALosingBidderSeesItsRank()
    {
        var running = await ShortlistedClone.CreateAsync(browser.Factory, noticeRunning: true);
        var clone = await ShortlistedClone.CreateAsync(browser.Factory);
        var picked = clone.Shortlist[1];
        string pickedName, loserLogin;
        int loser;
        await using (var db = browser.Factory.CreateDbContext())
        {
            var institutions = await db.Institutions.ToDictionaryAsync(i => i.Id);
            pickedName = institutions[picked.InstitutionId].NameEn;
            loser = clone.RankOfInstitution.Where(r => r.Key != picked.InstitutionId && r.Value is not null)
                .Select(r => r.Key).First(id => Accounts.Contains(institutions[id].Code.ToLowerInvariant()));
            loserLogin = "inst." + institutions[loser].Code.ToLowerInvariant();
        }

        // During the notice: the end in Beijing time, the button disabled.
        var sponsor = await browser.SignInAsync("sponsor.czj", "zh-CN");
        await BrowserFixture.GotoAsync(sponsor, Routes.SponsorShortlist(running.ProjectId));
        var panel = sponsor.GetByTestId("award-panel");
        await Assertions.Expect(panel.GetByTestId("award-blocked")).ToContainTextAsync("北京时间");
        await Assertions.Expect(panel.GetByTestId("award-submit")).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(sponsor, "award-panel-notice-zh");
        await BrowserFixture.GotoAsync(sponsor, Routes.Culture("en", Routes.SponsorShortlist(running.ProjectId)));
        await Assertions.Expect(panel.GetByTestId("award-blocked")).ToContainTextAsync("Beijing time");
        await BrowserFixture.ScreenshotAsync(sponsor, "award-panel-notice-en");

        // After the notice: the shortlist to pick from, the first preselected.
        await BrowserFixture.GotoAsync(sponsor, Routes.Culture("zh-CN", Routes.SponsorShortlist(clone.ProjectId)));
        await Assertions.Expect(panel.GetByTestId("award-choice")).ToHaveCountAsync(clone.Shortlist.Count);
        await Assertions.Expect(panel.GetByTestId("award-submit")).ToBeEnabledAsync();
        await BrowserFixture.ScreenshotAsync(sponsor, "award-panel-possible-zh");
        await BrowserFixture.GotoAsync(sponsor, Routes.Culture("en", Routes.SponsorShortlist(clone.ProjectId)));
        await Assertions.Expect(panel.GetByTestId("award-submit")).ToBeEnabledAsync();

        // The second, without a reason first: the reason is asked for and nothing is awarded.
        await panel.GetByTestId("award-choice").Nth(1).Locator("label").First.ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("Required: you are not picking the first");
        await panel.GetByTestId("award-submit").ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("Give a reason when you do not choose the first");
        await Assertions.Expect(sponsor.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await panel.Locator("textarea").First.FillAsync(Reason);
        // Typing the reason clears the refusal, and the counter counts it.
        await Assertions.Expect(panel).Not.ToContainTextAsync("Give a reason when you do not choose the first");
        await Assertions.Expect(panel).ToContainTextAsync($"{Reason.Length} / 2000");
        await BrowserFixture.ScreenshotAsync(sponsor, "award-panel-possible-en");
        await panel.GetByTestId("award-submit").ClickAsync();
        var confirm = sponsor.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync(pickedName);
        await Assertions.Expect(confirm).ToContainTextAsync("every institution that bid will be told");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Award", Exact = true }).ClickAsync();
        var decision = panel.GetByTestId("award-decision");
        await Assertions.Expect(decision).ToContainTextAsync(pickedName);
        await Assertions.Expect(decision).ToContainTextAsync(Reason);
        await Assertions.Expect(decision).ToContainTextAsync("Beijing time");
        await BrowserFixture.ScreenshotAsync(sponsor, "award-panel-awarded-en");
        await BrowserFixture.GotoAsync(sponsor, Routes.Culture("zh-CN", Routes.SponsorShortlist(clone.ProjectId)));
        await Assertions.Expect(panel.GetByTestId("award-decision")).ToContainTextAsync("已选定");
        await BrowserFixture.ScreenshotAsync(sponsor, "award-panel-awarded-zh");
        await using (var db = browser.Factory.CreateDbContext())
        {
            Assert.Equal(ProjectStatus.Awarded, (await db.Projects.SingleAsync(p => p.Id == clone.ProjectId)).Status);
            var award = await db.Awards.SingleAsync(a => a.TenderProjectId == clone.ProjectId);
            Assert.Equal((picked.ProposalId, Reason), (award.ProposalId, award.Reason));
        }

        // A losing bidder reads its own rank on its project page, in both languages.
        var rank = clone.RankOfInstitution[loser]!.Value;
        var bidder = await browser.SignInAsync(loserLogin);
        await BrowserFixture.GotoAsync(bidder, Routes.InstitutionProject(loser, clone.ProjectId));
        var card = bidder.GetByTestId("outcome-card");
        await Assertions.Expect(card.GetByTestId("outcome-state")).ToContainTextAsync("Not awarded");
        await Assertions.Expect(card).ToContainTextAsync($"Your institution ranked No. {rank} of");
        await Assertions.Expect(card).ToContainTextAsync(pickedName);
        // The header says where the project stands now, not the invitation's reply or the opening.
        await Assertions.Expect(bidder.GetByText("Awarded", new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(bidder.GetByText("Acknowledged", new() { Exact = true })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(bidder, "outcome-card-en");
        await BrowserFixture.GotoAsync(bidder, Routes.Culture("zh-CN", Routes.InstitutionProject(loser, clone.ProjectId)));
        await Assertions.Expect(card.GetByTestId("outcome-state")).ToContainTextAsync("未中标");
        await Assertions.Expect(card).ToContainTextAsync($"贵机构排名第 {rank} 名");
        await BrowserFixture.ScreenshotAsync(bidder, "outcome-card-zh");
    }
}
