using System.Text.RegularExpressions;
using BidPortal.Domain.Projects;
using BidPortal.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Each role, in Chinese and in English, on every page it reaches from its menu and main links: no
/// program identifier (camelCase, PascalCase), no <c>{0}</c> placeholder and no date pattern is
/// visible. A screenshot of each page is kept for a person to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class LanguageSweepTests(BrowserFixture browser)
{
    /// <summary>Real names that look like identifiers. Keep it short: every entry is a word a person may see.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "BidPortal" };

    private sealed record Ids(int Campaign, int Filing, int Project, int Pku, int PkuProject);

    private async Task<Ids> IdsAsync()
    {
        await using var db = browser.Factory.CreateDbContext();
        var campaign = await db.Campaigns.OrderByDescending(c => c.Year).FirstAsync();
        var czj = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
        var filing = await db.Filings.Where(f => f.CampaignId == campaign.Id && f.SponsorUnitId == czj.Id).OrderBy(f => f.Id).FirstAsync();
        var project = await db.Projects.Where(p => p.CampaignId == campaign.Id && p.Status == ProjectStatus.Open).OrderBy(p => p.Id).FirstAsync();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var invited = await db.Invitations.Where(i => i.InstitutionId == pku.Id && i.Status != InvitationStatus.Listed && i.Status != InvitationStatus.Removed)
            .OrderByDescending(i => i.TenderProjectId).Select(i => i.TenderProjectId).FirstAsync();
        return new Ids(campaign.Id, filing.Id, project.Id, pku.Id, invited);
    }

    private static IEnumerable<(string Name, string Path)> PagesOf(string login, Ids ids) => login switch
    {
        "organizer" =>
        [
            ("dashboard", Routes.Dashboard), ("review-queue", Routes.ReviewQueue), ("filing", Routes.Filing(ids.Filing)),
            ("import", Routes.ImportFilings), ("consolidation", Routes.Consolidation), ("publish", Routes.PublishRound),
            ("directory", Routes.Directory), ("institution", Routes.EditInstitution(ids.Pku)), ("new-institution", Routes.NewInstitution),
            ("outbox", Routes.Outbox), ("project", Routes.Project(ids.Project)), ("campaign-rules", Routes.CampaignRules(ids.Campaign)),
        ],
        "sponsor.czj" => [("sponsor-home", Routes.SponsorHome), ("sponsor-filing", Routes.Filing(ids.Filing)), ("new-filing", Routes.NewFiling)],
        "inst.pku" => [("institution-home", Routes.InstitutionHome(ids.Pku)), ("institution-project", Routes.InstitutionProject(ids.Pku, ids.PkuProject))],
        _ => [("evaluator-home", Routes.EvaluatorHome)],
    };

    [Theory]
    [InlineData("organizer", "zh-CN")]
    [InlineData("organizer", "en")]
    [InlineData("sponsor.czj", "zh-CN")]
    [InlineData("sponsor.czj", "en")]
    [InlineData("inst.pku", "zh-CN")]
    [InlineData("inst.pku", "en")]
    [InlineData("expert01", "zh-CN")]
    [InlineData("expert01", "en")]
    public async Task EveryPageOfARole_ShowsNoIdentifier_NoPlaceholder_AndNoDatePattern(string login, string culture)
    {
        var ids = await IdsAsync();
        var page = await browser.SignInAsync(login, culture == "en" ? "en-US" : "zh-CN");
        // The language is the one asked for, whatever the account chose last time.
        await BrowserFixture.GotoAsync(page, Routes.Culture(culture, Routes.Home));
        var problems = new List<string>();
        foreach (var (name, path) in PagesOf(login, ids))
        {
            var response = await BrowserFixture.GotoAsync(page, path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await SettledAsync(page);
            Assert.Equal(culture == "en" ? "en" : "zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
            await BrowserFixture.ScreenshotAsync(page, $"language-{name}-{culture}");
            problems.AddRange(Problems(await page.InnerTextAsync("body")).Select(p => $"{path} ({culture}): {p}"));
        }
        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What a person should never read: identifiers, placeholders, format patterns.</summary>
    public static IEnumerable<string> Problems(string text)
    {
        foreach (var word in Identifier().Matches(text).Select(m => m.Value).Distinct().Where(w => !Allowed.Contains(w)))
            yield return $"identifier “{word}” in “{Around(text, word)}”";
        foreach (var hole in Placeholder().Matches(text).Select(m => m.Value).Distinct())
            yield return $"placeholder “{hole}” in “{Around(text, hole)}”";
        foreach (var pattern in DatePattern().Matches(text).Select(m => m.Value).Distinct())
            yield return $"date pattern or UTC “{pattern}” in “{Around(text, pattern)}”";
    }

    /// <summary>Waits for the page's data: the loading bars and skeletons go once the service answers.</summary>
    internal static async Task SettledAsync(IPage page)
    {
        await page.Locator("h1").First.WaitForAsync();
        try
        {
            await Assertions.Expect(page.Locator(".mud-progress-linear, .mud-skeleton, .mud-table-loading")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        }
        catch (PlaywrightException) { }
        await page.WaitForTimeoutAsync(300);
    }

    private static string Around(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        var start = Math.Max(0, at - 40);
        return text[start..Math.Min(text.Length, at + word.Length + 40)].ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"\b(?:[a-z]+[A-Z][a-zA-Z]*|[A-Z][a-z]+[A-Z][a-zA-Z]*)\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A format pattern, or a time in UTC rather than Beijing time.</summary>
    [GeneratedRegex(@"yyyy|HH:mm|MM-dd|dd/MM|\bUTC\b")]
    private static partial Regex DatePattern();
}
