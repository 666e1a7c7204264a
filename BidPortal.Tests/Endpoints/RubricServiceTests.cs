using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Consolidation;
using BidPortal.Web.Features.Evaluation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using ConsolidationService = BidPortal.Web.Features.Consolidation.Consolidation;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Rubrics through their service on the demo database: the organizer sets the campaign's default, which new
/// projects copy while existing ones keep theirs; a draft project's rubric changes until publication; the one
/// domain check refuses a wrong sum or two prices; invited institutions read the rubric in the call and its PDF.
/// </summary>
public class RubricServiceTests(RubricServiceTests.Fixture fixture) : IClassFixture<RubricServiceTests.Fixture>, IDisposable
{
    public sealed class Fixture : PortalFactory
    {
        public Fixture() : base(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" }) { }
    }

    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private static readonly CultureInfo Zh = new("zh-CN");

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _uiCulture;
        GC.SuppressFinalize(this);
    }

    private Rubrics Service => fixture.Services.GetRequiredService<Rubrics>();
    private ConsolidationService Consolidation => fixture.Services.GetRequiredService<ConsolidationService>();

    private string T(string key, CultureInfo culture, params object[] args) =>
        fixture.Services.GetRequiredService<TextCatalog>().Format(key, culture, args);

    private static readonly IReadOnlyList<CriterionDraft> Changed =
    [
        new("培训方案", "Programme", 40, false),
        new("师资", "Teachers", 35, false),
        new("服务保障", "Service", 5, false),
        new("报价", "Price", 20, true),
    ];

    private static readonly IReadOnlyList<CriterionDraft> Sum95 =
    [
        new("方案设计", "Training design", 30, false),
        new("师资力量", "Faculty", 25, false),
        new("契合需求", "Fit", 15, false),
        new("组织保障与服务", "Logistics", 15, false),
        new("报价", "Price", 10, true),
    ];

    private static readonly IReadOnlyList<CriterionDraft> TwoPrices =
    [
        new("方案设计", "Training design", 50, false),
        new("报价", "Price", 25, true),
        new("报价二", "Price again", 25, true),
    ];

    private async Task<int> OpenCampaignIdAsync() =>
        (await Consolidation.LoadAsync(Actors.Organizer)).CampaignId ?? throw new InvalidOperationException("The demo has an open campaign.");

    /// <summary>A draft project of the open campaign, made in the test so no other test's change reaches it.</summary>
    private async Task<int> DraftProjectAsync(string code)
    {
        var ids = await ApprovedAsync(1);
        return await Consolidation.MergeAsync(Actors.Organizer,
            new MergeRequest(ids, code, "财政审计整合培训班", "Finance and audit programme", "", "finance", 40, 200_000m));
    }

    private async Task<List<int>> ApprovedAsync(int count)
    {
        await using var db = fixture.CreateDbContext();
        var campaignId = await OpenCampaignIdAsync();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId);
        var unit = await db.SponsorUnits.FirstAsync(u => u.System == "finance");
        var filings = Enumerable.Range(0, count).Select(_ => new Filing(campaign, unit, Build.Details(), TimeProvider.System)).ToList();
        foreach (var filing in filings)
        {
            filing.Submit(TimeProvider.System);
            filing.Approve(intoSpecialPlan: true, TimeProvider.System);
        }
        db.Filings.AddRange(filings);
        await db.SaveChangesAsync();
        return [.. filings.Select(f => f.Id)];
    }

    private async Task<List<CriterionDraft>> StoredAsync(int projectId)
    {
        await using var db = fixture.CreateDbContext();
        return [.. (await db.Criteria.Where(c => c.TenderProjectId == projectId).OrderBy(c => c.Order).ToListAsync())
            .Select(c => new CriterionDraft(c.Name, c.NameEn, c.MaxPoints, c.IsPrice))];
    }

    [Fact]
    public async Task CampaignDefault_SavedByTheOrganizer_GoesToNewProjects_WhileAnExistingProjectKeepsItsCopy()
    {
        var campaignId = await OpenCampaignIdAsync();
        var existing = await DraftProjectAsync("R-01");
        var before = await StoredAsync(existing);

        await Service.SaveCampaignRubricAsync(Actors.Organizer, campaignId, Changed);

        var campaign = await Service.CampaignRubricAsync(Actors.Organizer, campaignId);
        Assert.Equal(Changed, campaign.Criteria);
        Assert.False(campaign.IsPortalDefault);
        Assert.True(campaign.CanChange);
        // A project consolidated afterwards, through the same service the organizer's screen uses, gets the new default…
        var fresh = await DraftProjectAsync("R-02");
        Assert.Equal(Changed, (await Service.ProjectRubricAsync(Actors.Organizer, fresh)).Criteria);
        // …and the one made before keeps the rubric it was given.
        Assert.Equal(before, (await Service.ProjectRubricAsync(Actors.Organizer, existing)).Criteria);
        Assert.NotEqual(Changed, before);
        // The audit names the person.
        await using var db = fixture.CreateDbContext();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync(a => a.EntityType == "Campaign" && a.EntityId == $"{campaignId}");
        Assert.Equal(("organizer", Rubrics.ChangedAction), (entry.Actor, entry.Action));
        Assert.Contains("报价 20 (price)", entry.Details);
    }

    [Fact]
    public async Task SavingASumOf95_IsRefusedWithTheSum_AndStoresNothing()
    {
        CultureInfo.CurrentUICulture = Zh;
        var campaignId = await OpenCampaignIdAsync();
        var project = await DraftProjectAsync("R-03");
        var campaignBefore = (await Service.CampaignRubricAsync(Actors.Organizer, campaignId)).Criteria;
        var projectBefore = await StoredAsync(project);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.SaveCampaignRubricAsync(Actors.Organizer, campaignId, Sum95));
        Assert.Equal("各项满分之和为 95，应为 100。", refusal.Message);
        refusal = await Assert.ThrowsAsync<DomainException>(() => Service.SaveProjectRubricAsync(Actors.Organizer, project, Sum95));
        Assert.Equal("各项满分之和为 95，应为 100。", refusal.Message);

        Assert.Equal(campaignBefore, (await Service.CampaignRubricAsync(Actors.Organizer, campaignId)).Criteria);
        Assert.Equal(projectBefore, await StoredAsync(project));
    }

    [Fact]
    public async Task SavingTwoPrices_IsRefused_AndStoresNothing()
    {
        CultureInfo.CurrentUICulture = Zh;
        var project = await DraftProjectAsync("R-04");
        var before = await StoredAsync(project);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.SaveProjectRubricAsync(Actors.Organizer, project, TwoPrices));
        Assert.Equal("Rubric.OnePrice", refusal.Key);
        Assert.Equal("评分标准中必须有且只有一项价格分。", refusal.Message);
        Assert.Equal(before, await StoredAsync(project));
        var campaignId = await OpenCampaignIdAsync();
        Assert.Equal("Rubric.OnePrice", (await Assert.ThrowsAsync<DomainException>(() =>
            Service.SaveCampaignRubricAsync(Actors.Organizer, campaignId, TwoPrices))).Key);
    }

    [Fact]
    public async Task ADraftProjectsRubric_SavedByTheOrganizer_IsKeptInOrder()
    {
        var project = await DraftProjectAsync("R-05");
        Assert.True((await Service.ProjectRubricAsync(Actors.Organizer, project)).CanChange);
        IReadOnlyList<CriterionDraft> reordered = [Changed[3], Changed[1], Changed[0], Changed[2]];
        await Service.SaveProjectRubricAsync(Actors.Organizer, project, reordered);
        Assert.Equal(reordered, await StoredAsync(project));
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task AnyoneButTheOrganizer_IsRefused_AndChangesNothing(string role)
    {
        var campaignId = await OpenCampaignIdAsync();
        var project = await DraftProjectAsync("R-1" + role[0]);
        var campaignBefore = (await Service.CampaignRubricAsync(Actors.Organizer, campaignId)).Criteria;
        var before = await StoredAsync(project);
        var actor = Actors.Other(role);

        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.SaveCampaignRubricAsync(actor, campaignId, Changed))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.SaveProjectRubricAsync(actor, project, Changed))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.CampaignRubricAsync(actor, campaignId))));
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => Service.ProjectRubricAsync(actor, project))));

        Assert.Equal(campaignBefore, (await Service.CampaignRubricAsync(Actors.Organizer, campaignId)).Criteria);
        Assert.Equal(before, await StoredAsync(project));
    }

    [Fact]
    public async Task APublishedProjectsRubric_IsReadOnly_AndEditingIsRefusedWithThePublicationMessage()
    {
        CultureInfo.CurrentUICulture = Zh;
        int projectId;
        await using (var db = fixture.CreateDbContext())
            projectId = (await db.Projects.SingleAsync(p => p.Code == "C-02")).Id;
        var before = await StoredAsync(projectId);
        var view = await Service.ProjectRubricAsync(Actors.Organizer, projectId);
        Assert.False(view.CanChange);
        Assert.Equal(before, view.Criteria);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Service.SaveProjectRubricAsync(Actors.Organizer, projectId, Changed));
        Assert.Equal("Rubric.AfterPublication", refusal.Key);
        Assert.Equal(T("Rubric.AfterPublication", Zh), refusal.Message);
        Assert.Equal(before, await StoredAsync(projectId));
    }

    [Fact]
    public async Task UnknownCampaignOrProject_IsNotFound()
    {
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.CampaignRubricAsync(Actors.Organizer, 999_999))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => Service.ProjectRubricAsync(Actors.Organizer, 999_999))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() =>
            Service.SaveProjectRubricAsync(Actors.Organizer, 999_999, Changed))));
    }

    private async Task<HttpClient> ClientAsync(string login, string language)
    {
        var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await SignIn.PostLoginAsync(client, login, SignIn.DemoPassword);
        return client;
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task AnInvitedInstitution_SeesTheRubricInTheCall_WithThePriceFormula(string language)
    {
        var culture = new CultureInfo(language);
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var project = await db.Projects.Include(p => p.Criteria).SingleAsync(p => p.Code == "C-02");
        using var client = await ClientAsync("inst.pku", language);

        var page = SignIn.Text(await client.GetStringAsync(Web.Routes.InstitutionProject(pku.Id, project.Id)));

        Assert.Contains(language == "en" ? "Evaluation criteria" : "评分标准", page);
        Assert.NotEmpty(project.Criteria);
        foreach (var c in project.OrderedCriteria)
            Assert.Matches($"<td>{Regex.Escape(c.NameIn(culture))}</td>\\s*<td class=\"number\">{c.MaxPoints:0.##}</td>", page);
        var price = project.Criteria.Single(c => c.IsPrice);
        Assert.Contains(T("Rubrics.PriceFormula", culture, price.MaxPoints), page);
        Assert.Contains(T("Rubrics.ByPanel", culture), page);
        Assert.Matches("<strong>100</strong>", page);
    }

    [Fact]
    public async Task TheCallPdf_CarriesTheRubric_WithThePriceFormula_AndTheTotal()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Criteria).SingleAsync(p => p.Code == "C-02");
        using var client = await ClientAsync("inst.pku", "zh-CN");
        var response = await client.GetAsync(Web.Routes.CallPdf(project.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Directory.CreateDirectory(Browser.BrowserFixture.ScreenshotFolder);
        File.WriteAllBytes(Path.Combine(Browser.BrowserFixture.ScreenshotFolder, "call-rubric-C-02.pdf"), bytes);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("评分标准", text);
        foreach (var c in project.Criteria) Assert.Contains(c.Name, text);
        var price = project.Criteria.Single(c => c.IsPrice);
        Assert.Contains(T("Rubrics.PriceFormula", Zh, price.MaxPoints).Replace(" ", "", StringComparison.Ordinal), text);
        Assert.Contains("合计100", text);
    }

    [Fact]
    public async Task AnInstitutionNotInvited_SeesNoRubric_OnThePageOrInThePdf()
    {
        await using var db = fixture.CreateDbContext();
        var open = await db.Projects.Include(p => p.Criteria).SingleAsync(p => p.Code == "C-02");
        var invited = await db.Invitations.Where(i => i.TenderProjectId == open.Id).Select(i => i.InstitutionId).ToListAsync();
        var outsider = (await db.Institutions.Where(i => !invited.Contains(i.Id)).ToListAsync())
            .First(i => new[] { "OUC", "NAU", "SDU", "XNAI", "THU", "SUFE" }.Contains(i.Code));
        using var client = await ClientAsync("inst." + outsider.Code.ToLowerInvariant(), "zh-CN");

        var page = await client.GetAsync(Web.Routes.InstitutionProject(outsider.Id, open.Id));
        Assert.Contains(page.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var html = SignIn.Text(await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain(T("Rubrics.PriceFormula", Zh, open.Criteria.Single(c => c.IsPrice).MaxPoints), html);
        Assert.DoesNotContain(T("Rubrics.ByPanel", Zh), html);
        var pdf = await client.GetAsync(Web.Routes.CallPdf(open.Id));
        Assert.Contains(pdf.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }
}
