using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// The panel screens as people see them: the organizer's panel section on C-01 (a draft, before any opening) and
/// C-04 (under evaluation), and expert07 — added to C-04 here, on no other browser test's panel — declaring its
/// conflicts on the evaluator's project page, before and after, in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PanelScreensTests(BrowserFixture browser)
{
    [Fact]
    public async Task OrganizerSeesThePanel_AndAnEvaluatorDeclaresBeforeSeeingTheProposals()
    {
        int c01, c04;
        List<string> bidders;
        await using (var db = browser.Factory.CreateDbContext())
        {
            c01 = (await db.Projects.SingleAsync(p => p.Code == "C-01")).Id;
            c04 = (await db.Projects.SingleAsync(p => p.Code == "C-04" && p.Status == ProjectStatus.Evaluating)).Id;
            var ids = await db.Proposals.Where(p => p.TenderProjectId == c04 && p.Status == BidPortal.Domain.Proposals.ProposalStatus.Valid)
                .Select(p => p.InstitutionId).ToListAsync();
            bidders = await db.Institutions.Where(i => ids.Contains(i.Id)).Select(i => i.NameEn).ToListAsync();
        }
        var panels = browser.Factory.Services.GetRequiredService<Panels>();
        await panels.AddAsync(Actors.Organizer, c04, "expert07");
        foreach (var login in new[] { "expert07", "expert08", "expert09", "expert06" })
            if (!(await panels.PanelAsync(Actors.Organizer, c01)).Members.Any(m => m.UserName == login))
                await panels.AddAsync(Actors.Organizer, c01, login);

        var organizer = await browser.SignInAsync("organizer");
        foreach (var (project, name) in new[] { (c01, "draft"), (c04, "evaluating") })
        {
            await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.ProjectEvaluation(project)));
            var section = organizer.Locator("[data-panel-section]");
            await Assertions.Expect(section).ToContainTextAsync("expert07");
            await Assertions.Expect(section.Locator("[data-panel-advice]")).ToContainTextAsync("Fewer than 5 evaluators / an even number");
            await BrowserFixture.ScreenshotAsync(organizer, $"panel-{name}-en");
            await BrowserFixture.GotoAsync(organizer, Routes.Culture("zh-CN", Routes.ProjectEvaluation(project)));
            await Assertions.Expect(organizer.Locator("[data-panel-advice]")).ToContainTextAsync("评审组少于 5 人 / 人数为偶数");
            await BrowserFixture.ScreenshotAsync(organizer, $"panel-{name}-zh");
        }
        await Assertions.Expect(organizer.GetByRole(AriaRole.Switch)).ToHaveCountAsync(0);
        await BrowserFixture.GotoAsync(organizer, Routes.Culture("en", Routes.ProjectEvaluation(c01)));

        var expert = await browser.SignInAsync("expert07", "zh-CN");
        await BrowserFixture.GotoAsync(expert, Routes.EvaluatorProject(c04));
        await Assertions.Expect(expert.Locator("[data-declaration]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-project-before-zh");
        await BrowserFixture.GotoAsync(expert, Routes.Culture("en", Routes.EvaluatorProject(c04)));
        var form = expert.Locator("[data-declaration]");
        foreach (var name in bidders) await Assertions.Expect(form).ToContainTextAsync(name);
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-project-before-en");

        // Submitting with nothing chosen says what is missing; then one conflict with its reason, the rest none.
        await expert.GetByRole(AriaRole.Button, new() { Name = "Submit the declaration" }).ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("For each institution, choose");
        var cards = form.Locator("[data-bidder]");
        var count = await cards.CountAsync();
        for (var i = 0; i < count; i++)
            await cards.Nth(i).GetByText(i == 0 ? "Conflict of interest" : "No conflict", new() { Exact = true }).ClickAsync();
        await cards.Nth(0).GetByLabel("Reason").FillAsync("Taught a paid course there last year");
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-project-filled-en");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Submit the declaration" }).ClickAsync();
        var confirm = expert.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync("cannot be withdrawn");
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-project-confirm-en");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();

        var list = expert.Locator("[data-proposal-list]");
        await Assertions.Expect(list).ToContainTextAsync("Conflict declared");
        await Assertions.Expect(list.GetByRole(AriaRole.Link)).ToHaveCountAsync(count - 1);
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-project-after-en");
        await BrowserFixture.GotoAsync(expert, Routes.Culture("zh-CN", Routes.EvaluatorProject(c04)));
        await Assertions.Expect(expert.Locator("[data-proposal-list]")).ToContainTextAsync("已声明利益冲突");
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-project-after-zh");
        await BrowserFixture.GotoAsync(expert, Routes.Culture("zh-CN", Routes.EvaluatorHome));
        await BrowserFixture.ScreenshotAsync(expert, "evaluator-home-zh");
        await BrowserFixture.GotoAsync(expert, Routes.Culture("en", Routes.EvaluatorHome));
    }
}
