using System.Globalization;
using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Projects;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using InvitationService = BidPortal.Web.Features.Invitations.Invitations;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// The call for proposals (推介书): an invited institution reads every part of it on its project page,
/// in its invitation mail and as a PDF; nobody else does, and the organizer's internal note stays internal.
/// </summary>
public class CallForProposalsTests(CallForProposalsTests.Fixture fixture) : IClassFixture<CallForProposalsTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public Fixture() : base(settings: new Dictionary<string, string?> { ["Portal:BackgroundJobs"] = "false" }) { }
    }

    private static readonly CultureInfo Zh = new("zh-CN");
    private static readonly CultureInfo En = new("en");
    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);

    private async Task<HttpClient> ClientAsync(string login, string language)
    {
        var client = fixture.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await SignIn.PostLoginAsync(client, login, SignIn.DemoPassword);
        return client;
    }

    private string T(string key, CultureInfo culture, params object[] args) =>
        fixture.Services.GetRequiredService<TextCatalog>().Format(key, culture, args);

    private static readonly string[] PartKeys =
        ["Objectives", "Trainees", "Dates", "Place", "OnSite", "Budget", "Criteria", "Submission", "Deadline", "Contact", "Clarifications"];

    [Fact]
    public async Task InvitedInstitution_SeesEveryPartOfTheCall_InChinese_ButNotTheInternalNote()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var project = await db.Projects.Include(p => p.Criteria).SingleAsync(p => p.Code == "C-02");
        var answer = await db.Questions.SingleAsync(q => q.TenderProjectId == project.Id && q.Status == QuestionStatus.Answered);
        Assert.Contains("由", project.Description);
        using var client = await ClientAsync("inst.pku", "zh-CN");

        var response = await client.GetAsync(Web.Routes.InstitutionProject(pku.Id, project.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = SignIn.Text(await response.Content.ReadAsStringAsync());

        foreach (var part in PartKeys) Assert.Contains(T($"Call.Part.{part}", Zh), page);
        var call = project.Call;
        Assert.Contains(call.Objectives[..Math.Min(30, call.Objectives.Length)], page);
        Assert.Contains(T("Call.Trainees.Value", Zh, call.TargetTrainees, project.Headcount), page);
        Assert.Contains(T("Call.Dates.Days", Zh, call.StartDate!.Value, call.EndDate!.Value, call.Days), page);
        Assert.Contains(call.Place, page);
        Assert.Contains(T("Call.Standard.OnSite", Zh), page);
        Assert.Contains("¥" + project.BudgetCeiling.ToString("#,##0.##", Zh), page);
        Assert.Contains(T("Call.Standard.PriceIncludes", Zh), page);
        Assert.NotEmpty(project.Criteria);
        // The page shows the criteria as a table: each name beside its points.
        foreach (var c in project.Criteria) Assert.Matches($"<td>{System.Text.RegularExpressions.Regex.Escape(c.Name)}</td>\\s*<td class=\"number\">{c.MaxPoints:0.##}</td>", page);
        Assert.Contains(T("Call.Standard.Submission", Zh), page);
        var local = TimeZoneInfo.ConvertTime(project.Deadline!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime;
        Assert.Contains(local.ToString("yyyy-MM-dd HH:mm", Zh) + "（北京时间）", page);
        var contact = fixture.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        Assert.Contains(contact.CallContactName, page);
        Assert.Contains(contact.CallContactPhone, page);
        Assert.Contains("第 1 号", page);
        Assert.Contains(answer.Answer!, page);
        Assert.Contains(Web.Routes.CallPdf(project.Id), page);
        // The organizer's note on how the project was formed is not for bidders.
        Assert.DoesNotContain(project.Description, page);
    }

    [Fact]
    public async Task InvitedInstitution_ReadsTheCallInEnglish_WithTheDeadlineInBeijingTime()
    {
        await using var db = fixture.CreateDbContext();
        var pku = await db.Institutions.SingleAsync(i => i.Code == "PKU");
        var project = await db.Projects.Include(p => p.Criteria).SingleAsync(p => p.Code == "C-02");
        using var client = await ClientAsync("inst.pku", "en");
        var page = SignIn.Text(await client.GetStringAsync(Web.Routes.InstitutionProject(pku.Id, project.Id)));
        foreach (var part in PartKeys) Assert.Contains(T($"Call.Part.{part}", En), page);
        Assert.Contains("(Beijing time)", page);
        foreach (var c in project.Criteria) Assert.Matches($"<td>{System.Text.RegularExpressions.Regex.Escape(c.NameEn)}</td>\\s*<td class=\"number\">{c.MaxPoints:0.##}</td>", page);
        Assert.Contains(T("Call.Standard.PriceIncludes", En), page);
        Assert.Contains("No. 1", page);
        Assert.DoesNotContain(project.Description, page);
    }

    [Fact]
    public async Task UninvitedInstitution_GetsNeitherThePageNorThePdf()
    {
        await using var db = fixture.CreateDbContext();
        var open = await db.Projects.SingleAsync(p => p.Code == "C-02");
        // A demo institution with a login that is not on C-02's list.
        var invited = await db.Invitations.Where(i => i.TenderProjectId == open.Id).Select(i => i.InstitutionId).ToListAsync();
        var outsider = (await db.Institutions.Where(i => !invited.Contains(i.Id)).ToListAsync())
            .First(i => new[] { "OUC", "NAU", "SDU", "XNAI", "THU", "SUFE" }.Contains(i.Code));
        using var client = await ClientAsync("inst." + outsider.Code.ToLowerInvariant(), "zh-CN");

        var page = await client.GetAsync(Web.Routes.InstitutionProject(outsider.Id, open.Id));
        Assert.Contains(page.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.DoesNotContain(open.Call.Objectives[..Math.Min(30, open.Call.Objectives.Length)], SignIn.Text(await page.Content.ReadAsStringAsync()));
        var pdf = await client.GetAsync(Web.Routes.CallPdf(open.Id));
        Assert.Contains(pdf.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Web.Routes.CallPdf(999_999))).StatusCode);

        // A draft's call is not out yet: even an institution on its list cannot read it.
        var draft = await db.Projects.SingleAsync(p => p.Code == "C-01");
        using var pkuClient = await ClientAsync("inst.pku", "zh-CN");
        Assert.Equal(HttpStatusCode.Forbidden, (await pkuClient.GetAsync(Web.Routes.CallPdf(draft.Id))).StatusCode);
    }

    [Fact]
    public async Task ThePdf_ReadsBackInChinese_WithTitleObjectivesAndCriteria()
    {
        await using var db = fixture.CreateDbContext();
        var project = await db.Projects.Include(p => p.Criteria).SingleAsync(p => p.Code == "C-02");
        using var client = await ClientAsync("inst.pku", "zh-CN");
        var response = await client.GetAsync(Web.Routes.CallPdf(project.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"推介书-{project.Code}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Directory.CreateDirectory(Browser.BrowserFixture.ScreenshotFolder);
        File.WriteAllBytes(Path.Combine(Browser.BrowserFixture.ScreenshotFolder, "call-for-proposals-C-02.pdf"), bytes);

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains($"推介书·{project.Code}{project.Title}".Replace(" ", "", StringComparison.Ordinal), text);
        Assert.Contains(project.Call.Objectives[..Math.Min(12, project.Call.Objectives.Length)], text);
        Assert.Contains("方案设计", text);
        Assert.Contains("北京时间", text);
        Assert.DoesNotContain(project.Description, text);
    }

    [Fact]
    public async Task TheInvitationMail_CarriesTheCall_InTheRecipientsLanguage_WithALinkToTheProject()
    {
        int projectId;
        await using (var db = fixture.CreateDbContext())
        {
            var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
            var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
            var filing = new Filing(campaign, unit, Build.Details(start: DateOnly.FromDateTime(DateTime.Today.AddDays(60))), TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(true, TimeProvider.System);
            var project = TenderProject.Consolidate(campaign, "C-91", "现代财政管理专题培训班", "Modern public finance", "由单一备案项目形成",
                BidPortal.Domain.Campaigns.Theme.EconomicManagement, ["finance", "accounting"], [filing]);
            foreach (var d in InvitationRule.Route(await db.Institutions.ToListAsync(), project.Tags).Where(d => d.Invited))
                project.Invite(d.Institution, d.Basis!.Value);
            db.Projects.Add(project);
            // Tsinghua reads English.
            var thu = await db.Institutions.SingleAsync(i => i.Code == "THU");
            thu.Update(thu.Name, thu.NameEn, thu.Category, thu.Tags, "en");
            await db.SaveChangesAsync();
            projectId = project.Id;
        }
        await fixture.Services.GetRequiredService<InvitationService>().PublishAsync(Organizer, [projectId], DateTimeOffset.UtcNow.AddDays(7));

        await using var check = fixture.CreateDbContext();
        var invitations = await check.Invitations.Include(i => i.Institution).Where(i => i.TenderProjectId == projectId).ToListAsync();
        Assert.Contains(invitations, i => i.Institution!.Code == "THU");
        var mails = (await check.OutgoingMails.Where(m => m.Purpose == "invitation").ToListAsync())
            .Where(m => m.RelatedInvitationIds.Intersect(invitations.Select(i => i.Id)).Any()).ToList();
        var toThu = mails.Single(m => m.ToAddress == "training@thu.edu.demo");
        var toPku = mails.Single(m => m.ToAddress == "training@pku.edu.demo");
        var thuId = invitations.Single(i => i.Institution!.Code == "THU").InstitutionId;
        var pkuId = invitations.Single(i => i.Institution!.Code == "PKU").InstitutionId;

        foreach (var part in PartKeys)
        {
            Assert.Contains(T($"Call.Part.{part}", Zh), toPku.TextBody);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(T($"Call.Part.{part}", Zh)), toPku.HtmlBody);
            Assert.Contains(T($"Call.Part.{part}", En), toThu.TextBody);
        }
        Assert.Contains("提升财政管理能力", toPku.TextBody);
        Assert.Contains("方案设计：30 分", toPku.TextBody);
        Assert.Contains("（北京时间）", toPku.TextBody);
        Assert.Contains("Training design: 30 points", toThu.TextBody);
        // Price is computed, and the call says how.
        Assert.Contains("报价：10 分（计算得出：最低有效报价 ÷ 本报价 × 10 分）", toPku.TextBody);
        Assert.Contains("Price: 10 points (computed: lowest valid price ÷ this price × 10 points)", toThu.TextBody);
        Assert.Contains("(Beijing time)", toThu.TextBody);
        Assert.DoesNotContain("由单一备案项目形成", toPku.TextBody);
        Assert.Contains(Web.Routes.InstitutionProject(pkuId, projectId), toPku.TextBody);
        Assert.Contains(Web.Routes.InstitutionProject(pkuId, projectId), toPku.HtmlBody);
        Assert.Contains(Web.Routes.InstitutionProject(thuId, projectId), toThu.TextBody);
    }

    [Fact]
    public async Task Organizer_EditsTheCallWhileDraft_AndIsRefusedOncePublished()
    {
        var calls = fixture.Services.GetRequiredService<Calls>();
        int draftId;
        await using (var db = fixture.CreateDbContext())
        {
            var campaign = (await db.Campaigns.ToListAsync()).Single(c => c.AcceptsFilings);
            var unit = await db.SponsorUnits.SingleAsync(u => u.Code == "CZJ");
            var filing = new Filing(campaign, unit, Build.Details(start: DateOnly.FromDateTime(DateTime.Today.AddDays(60))), TimeProvider.System);
            filing.Submit(TimeProvider.System);
            filing.Approve(true, TimeProvider.System);
            var project = TenderProject.Consolidate(campaign, "C-92", "财政班", "Finance", "", BidPortal.Domain.Campaigns.Theme.EconomicManagement, ["finance"], [filing]);
            project.Invite(await db.Institutions.SingleAsync(i => i.Code == "SUFE"), InvitationBasis.SharedTag);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            draftId = project.Id;
        }
        var input = await calls.ForEditAsync(Organizer, draftId);
        Assert.True(input.IsEditable);
        input.Place = "东营市委党校";
        input.OnSiteTeaching = "黄河口生态旅游区现场教学";
        input.Headcount = 45;
        await calls.SaveAsync(Organizer, draftId, input);
        var content = await calls.ForProjectAsync(Organizer, draftId);
        Assert.Equal("东营市委党校", content.Parts.Single(p => p.Key == "place").Body);
        Assert.Equal("黄河口生态旅游区现场教学", content.Parts.Single(p => p.Key == "onSite").Body);
        Assert.Contains("45", content.Parts.Single(p => p.Key == "trainees").Body);

        // Not the organizer: refused, whatever the page showed.
        var sufeId = (await fixture.CreateDbContext().Institutions.SingleAsync(i => i.Code == "SUFE")).Id;
        var sufe = Actor.Of("inst.sufe", Roles.Institution, institutionId: sufeId);
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => calls.SaveAsync(sufe, draftId, input))));
        // Listed but the project is not published: the institution cannot read the call yet.
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => calls.ForProjectAsync(sufe, draftId))));
        Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => calls.ForProjectAsync(Organizer, 999_999))));

        await fixture.Services.GetRequiredService<InvitationService>().PublishAsync(Organizer, [draftId], DateTimeOffset.UtcNow.AddDays(7));
        var stale = await calls.ForEditAsync(Organizer, draftId);
        Assert.False(stale.IsEditable);
        input.Place = "上海";
        Assert.Equal("Call.NotEditable", (await Assert.ThrowsAsync<DomainException>(() => calls.SaveAsync(Organizer, draftId, input))).Key);
        Assert.Equal("东营市委党校", (await calls.ForProjectAsync(sufe, draftId)).Parts.Single(p => p.Key == "place").Body);
    }
}
