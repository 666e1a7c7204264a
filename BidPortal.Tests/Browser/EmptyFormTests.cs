using System.Text.RegularExpressions;
using BidPortal.Domain;
using BidPortal.Domain.Projects;
using BidPortal.Web;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BidPortal.Tests.Browser;

/// <summary>
/// Every form submitted empty in Chinese: what it says back is Chinese, with no program identifier
/// ("请填写 calledBy。") and no English word in it.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class EmptyFormTests(BrowserFixture browser)
{
    private static readonly TextCatalog Catalog = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly);
    private static readonly System.Globalization.CultureInfo Zh = new("zh-CN");

    /// <summary>A button's or a field's words as the Chinese page shows them, from the catalog (so a changed wording changes here too).</summary>
    private static string T(string key) => Catalog.Get(key, Zh);

    private async Task<IPage> ChineseAsync(string login)
    {
        var page = await browser.SignInAsync(login, "zh-CN");
        await BrowserFixture.GotoAsync(page, Routes.Culture("zh-CN", Routes.Home));
        return page;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await BrowserFixture.GotoAsync(page, path);
        await LanguageSweepTests.SettledAsync(page);
    }

    /// <summary>Empties every text field in the page's main part (a date, a name the page filled in for the person).</summary>
    private static async Task EmptyFieldsAsync(ILocator scope)
    {
        foreach (var field in await scope.Locator("input[type=text]:visible, input:not([type]):visible, textarea:visible, input[inputmode]:visible").AllAsync())
            if (await field.IsEditableAsync()) await field.FillAsync("");
    }

    /// <summary>
    /// What the page says back: alerts, field errors, snackbars, or the question a confirmation asks
    /// (a form with a sensible default, like the publishing round's deadline, asks before it acts).
    /// Waits for the first of them rather than a fixed time: this machine is slow when it is busy.
    /// </summary>
    private static async Task<IReadOnlyList<string>> MessagesAsync(IPage page)
    {
        const string selector = "[role=alert], .mud-alert-message, .mud-input-error, .mud-snackbar-content-message, .validation-message, .mud-dialog .mud-dialog-content";
        try
        {
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('{selector}')].some(e => e.innerText.trim().length > 0)",
                null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            return [];
        }
        var texts = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('{selector}')].map(e => e.innerText.trim()).filter(t => t.length > 0)");
        return [.. texts.Distinct()];
    }

    private static void OnlyChinese(string form, IReadOnlyList<string> messages, List<string> problems)
    {
        if (messages.Count == 0) problems.Add($"{form}: said nothing");
        foreach (var m in messages.Where(m => AsciiWord().IsMatch(m)))
            problems.Add($"{form}: “{m}”");
    }

    private sealed record Ids(int Campaign, int Project, int Pku, int PkuProject);

    private async Task<Ids> IdsAsync()
    {
        await using var db = browser.Factory.CreateDbContext();
        var campaign = await db.Campaigns.OrderByDescending(c => c.Year).FirstAsync();
        var project = await db.Projects.Where(p => p.CampaignId == campaign.Id && p.Status == ProjectStatus.Open).OrderBy(p => p.Id).FirstAsync();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var now = DateTimeOffset.UtcNow;
        var open = await db.Projects.Where(p => p.Status == ProjectStatus.Open).Select(p => new { p.Id, p.Deadline }).ToListAsync();
        var openIds = open.Where(p => p.Deadline > now.AddDays(1)).Select(p => p.Id).ToHashSet();
        var invited = (await db.Invitations.Where(i => i.InstitutionId == pku.Id
                && (i.Status == InvitationStatus.Sent || i.Status == InvitationStatus.Delivered || i.Status == InvitationStatus.Acknowledged))
            .Select(i => i.TenderProjectId).ToListAsync()).Where(openIds.Contains).Max();
        return new Ids(campaign.Id, project.Id, pku.Id, invited);
    }

    [Fact]
    public async Task EveryFormSubmittedEmpty_AnswersInChineseOnly()
    {
        var ids = await IdsAsync();
        var problems = new List<string>();

        // The sponsor's filing form.
        var sponsor = await ChineseAsync("sponsor.czj");
        await OpenAsync(sponsor, Routes.NewFiling);
        await sponsor.GetByRole(AriaRole.Button, new() { Name = T("Filing.SaveDraft") }).ClickAsync();
        OnlyChinese("filing form", await MessagesAsync(sponsor), problems);
        await BrowserFixture.ScreenshotAsync(sponsor, "empty-filing-form-zh-CN");
        await sponsor.Context.CloseAsync();

        // The institution's question form, then a real question for the organizer to answer.
        var pku = await ChineseAsync("inst.pku");
        await OpenAsync(pku, Routes.InstitutionProject(ids.Pku, ids.PkuProject));
        await pku.GetByRole(AriaRole.Button, new() { Name = T("Questions.Send") }).ClickAsync();
        OnlyChinese("question form", await MessagesAsync(pku), problems);
        await BrowserFixture.ScreenshotAsync(pku, "empty-question-form-zh-CN");
        await pku.GetByLabel(T("Questions.Ask")).FillAsync("报价是否包含教材费？");
        await pku.GetByRole(AriaRole.Button, new() { Name = T("Questions.Send") }).ClickAsync();
        await pku.WaitForTimeoutAsync(1500);
        await pku.Context.CloseAsync();

        var organizer = await ChineseAsync("organizer");

        // The answer form and the phone-call form on the project page.
        await OpenAsync(organizer, Routes.Project(ids.PkuProject));
        await organizer.GetByRole(AriaRole.Button, new() { Name = T("Questions.Publish") }).First.ClickAsync();
        OnlyChinese("answer form", await MessagesAsync(organizer), problems);
        await BrowserFixture.ScreenshotAsync(organizer, "empty-answer-form-zh-CN");
        await OpenAsync(organizer, Routes.Project(ids.PkuProject));
        await organizer.GetByRole(AriaRole.Button, new() { Name = T("Invite.RecordCall") }).First.ClickAsync();
        var phone = organizer.GetByRole(AriaRole.Button, new() { Name = T("Phone.Save") });
        await phone.WaitForAsync();
        // Without a caller (the time the page filled in stays, so the caller is what is missing).
        await organizer.GetByLabel(T("Phone.Who")).FillAsync("");
        await phone.ClickAsync();
        var said = await MessagesAsync(organizer);
        OnlyChinese("phone-call form", said, problems);
        if (!said.Contains(Catalog.Format("Field.Required", Zh, TextField.CalledBy))) problems.Add($"phone-call form: “{string.Join(" / ", said)}” does not ask for the caller");
        await EmptyFieldsAsync(organizer.Locator("tr", new() { Has = phone }));
        await phone.ClickAsync();
        OnlyChinese("phone-call form without a time", await MessagesAsync(organizer), problems);
        await BrowserFixture.ScreenshotAsync(organizer, "empty-phone-form-zh-CN");

        // The merge form, with its name and code emptied.
        await OpenAsync(organizer, Routes.Consolidation);
        await organizer.Locator("tbody tr").First.Locator(".mud-checkbox, input[type=checkbox]").First.ClickAsync();
        var merge = organizer.GetByRole(AriaRole.Button, new() { Name = T("Merge.Button") });
        await merge.WaitForAsync();
        await EmptyFieldsAsync(organizer.Locator(".mud-paper", new() { Has = merge }));
        await merge.ClickAsync();
        OnlyChinese("merge form", await MessagesAsync(organizer), problems);
        await BrowserFixture.ScreenshotAsync(organizer, "empty-merge-form-zh-CN");

        // A new institution.
        await OpenAsync(organizer, Routes.NewInstitution);
        await organizer.GetByRole(AriaRole.Button, new() { Name = T("Rules.Save") }).First.ClickAsync();
        OnlyChinese("institution form", await MessagesAsync(organizer), problems);
        await BrowserFixture.ScreenshotAsync(organizer, "empty-institution-form-zh-CN");

        // The campaign's rules, every number emptied.
        await OpenAsync(organizer, Routes.CampaignRules(ids.Campaign));
        await EmptyFieldsAsync(organizer.Locator("main"));
        await organizer.GetByRole(AriaRole.Button, new() { Name = T("Rules.Save") }).First.ClickAsync();
        OnlyChinese("campaign rules", await MessagesAsync(organizer), problems);
        await BrowserFixture.ScreenshotAsync(organizer, "empty-campaign-rules-zh-CN");

        // A publishing round without a deadline.
        await OpenAsync(organizer, Routes.PublishRound);
        if (await organizer.Locator("tbody tr .mud-checkbox").CountAsync() > 0)
            await organizer.Locator("tbody tr").First.Locator(".mud-checkbox, input[type=checkbox]").First.ClickAsync();
        var publish = organizer.GetByRole(AriaRole.Button, new() { Name = T("Publish.Button") });
        await EmptyFieldsAsync(organizer.Locator(".mud-paper", new() { Has = publish }));
        if (await publish.IsEnabledAsync())
        {
            await publish.ClickAsync();
            OnlyChinese("publish round", await MessagesAsync(organizer), problems);
            // Had it asked to publish (the deadline has a default), say no: this test publishes nothing.
            var cancel = organizer.GetByRole(AriaRole.Button, new() { Name = T("Tender.Cancel") });
            if (await cancel.IsVisibleAsync()) await cancel.ClickAsync();
        }
        await BrowserFixture.ScreenshotAsync(organizer, "empty-publish-round-zh-CN");
        await organizer.Context.CloseAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>An English word or a program identifier: two Latin letters in a row.</summary>
    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex AsciiWord();
}
