using System.Globalization;
using System.Net;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Mail;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace BidPortal.Tests.Execution;

/// <summary>
/// Step 10 over HTTP and in the reminder run: the pages and downloads answer only the organizer and the lead
/// sponsor; the CSV and Excel lists read as the page; the report reminders reach the lead sponsor's users once each.
/// </summary>
public sealed class ExecutionHttpTests
{
    [Fact]
    public async Task ReportDownload_ServesTheOrganizerAndTheLeadSponsor_AndNobodyElse()
    {
        using var portal = new ExecutionPortal();
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% the completion report\n%%EOF\n");
        await using (var content = new MemoryStream(bytes))
            await portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, content, "总结报告.pdf", bytes.Length);

        foreach (var login in new[] { "organizer", "sponsor.hyj" })
        {
            using var client = await SignIn.ClientAsync(portal.Factory, login);
            var response = await client.GetAsync(Routes.ExecutionReport(portal.ProjectId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        }
        foreach (var login in new[] { "sponsor.czj", "inst.sdu", "inst.pku", "expert01" })
        {
            using var client = await SignIn.ClientAsync(portal.Factory, login);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Routes.ExecutionReport(portal.ProjectId))).StatusCode);
        }
        using var anonymous = portal.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(Routes.ExecutionReport(portal.ProjectId))).StatusCode);
    }

    [Fact]
    public async Task ReportDownload_BeforeAnyReport_IsNotFound()
    {
        using var portal = new ExecutionPortal();
        using var client = await SignIn.ClientAsync(portal.Factory, "organizer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Routes.ExecutionReport(portal.ProjectId))).StatusCode);
    }

    [Fact]
    public async Task Pages_OpenForTheOrganizerAndTheLeadSponsor_AndRefuseOthers()
    {
        using var portal = new ExecutionPortal();
        using (var organizer = await SignIn.ClientAsync(portal.Factory, "organizer"))
        {
            var list = SignIn.Text(await organizer.GetStringAsync(Routes.CampaignExecution(portal.CampaignId)));
            Assert.Contains("C-06", list, StringComparison.Ordinal);
            Assert.Contains("In execution", list, StringComparison.Ordinal);
            Assert.Contains(Routes.ExecutionCsv(portal.CampaignId), list, StringComparison.Ordinal);
            var project = SignIn.Text(await organizer.GetStringAsync(Routes.Project(portal.ProjectId)));
            Assert.Contains(Routes.ProjectExecution(portal.ProjectId), project, StringComparison.Ordinal);
        }
        using (var sponsor = await SignIn.ClientAsync(portal.Factory, "sponsor.hyj"))
        {
            var page = SignIn.Text(await sponsor.GetStringAsync(Routes.ProjectExecution(portal.ProjectId)));
            Assert.Contains("within 15 days", page, StringComparison.Ordinal);
            var home = SignIn.Text(await sponsor.GetStringAsync(Routes.SponsorHome));
            Assert.Contains(Routes.ProjectExecution(portal.ProjectId), home, StringComparison.Ordinal);
        }
        using (var other = await SignIn.ClientAsync(portal.Factory, "sponsor.czj"))
        {
            var response = await other.GetAsync(Routes.ProjectExecution(portal.ProjectId));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = SignIn.Text(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("within 15 days", page, StringComparison.Ordinal);
            Assert.DoesNotContain("山东大学", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Routes.ExecutionCsv(portal.CampaignId))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Routes.ExecutionXlsx(portal.CampaignId))).StatusCode);
        }
    }

    [Fact]
    public async Task CsvAndExcel_HoldTheRowsOfThePage()
    {
        using var portal = new ExecutionPortal();
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        var view = await portal.Executions.CampaignAsync(Actors.Organizer, portal.CampaignId);
        using var client = await SignIn.ClientAsync(portal.Factory, "organizer");

        var csv = await client.GetByteArrayAsync(Routes.ExecutionCsv(portal.CampaignId));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Code,Project,Awarded institution,Stage,Budget (yuan)", lines[0], StringComparison.Ordinal);
        Assert.Equal(view.Rows.Count, lines.Length - 1);
        foreach (var (row, line) in view.Rows.Zip(lines.Skip(1)))
        {
            Assert.StartsWith(row.Code + ",", line, StringComparison.Ordinal);
            Assert.Contains(row.Contracted.ToString("0.00", CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
            Assert.Contains(row.ActualCost!.Value.ToString("0.00", CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
            Assert.Contains(",In execution,", line, StringComparison.Ordinal);
        }

        var xlsx = await client.GetByteArrayAsync(Routes.ExecutionXlsx(portal.CampaignId));
        var sheet = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(view.Rows.Count, sheet.Count);
        foreach (var (row, cells) in view.Rows.Zip(sheet))
        {
            Assert.Equal(row.Code, cells["Code"]);
            Assert.Equal(row.Winner, cells["Awarded institution"]);
            Assert.Equal(row.Contracted, Convert.ToDecimal(cells["Contracted (yuan)"], CultureInfo.InvariantCulture));
            Assert.Equal(row.Trainees, Convert.ToInt32(cells["Trainees"], CultureInfo.InvariantCulture));
            Assert.Equal("In execution", cells["Stage"]);
        }
    }

    [Fact]
    public async Task Reminders_ReachTheLeadSponsorsUsers_InTheirLanguage_OnceBeforeAndOnceAfterTheDueDate()
    {
        using var portal = new ExecutionPortal();
        var due = (await portal.Executions.ProjectAsync(Actors.Organizer, portal.ProjectId)).ReportDue!.Value;
        // A second liaison of the lead unit reads English; sponsor.hyj has no preference and reads Chinese.
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var hyj = await users.FindByNameAsync("sponsor.hyj");
            var english = new AppUser { UserName = "hyj.en", Email = "en@hyj.demo", DisplayName = "HYJ liaison", SponsorUnitId = hyj!.SponsorUnitId, PreferredCulture = "en" };
            Assert.True((await users.CreateAsync(english, SignIn.DemoPassword)).Succeeded);
        }
        var reminders = portal.Factory.Services.GetRequiredService<ReminderService>();

        async Task<List<OutgoingMail>> RunOnAsync(DateOnly day)
        {
            portal.SetToday(day);
            await reminders.RunOnceAsync();
            await using var db = portal.Factory.CreateDbContext();
            return await db.OutgoingMails.AsNoTracking().Where(m => m.Purpose.StartsWith("execution-report")).ToListAsync();
        }

        Assert.Empty(await RunOnAsync(due.AddDays(-4)));
        var soon = await RunOnAsync(due.AddDays(-3));
        Assert.Equal(2, soon.Count);
        var zh = Assert.Single(soon, m => m.ToAddress != "en@hyj.demo");
        var en = Assert.Single(soon, m => m.ToAddress == "en@hyj.demo");
        Assert.Contains("总结报告即将到期", zh.Subject, StringComparison.Ordinal);
        Assert.Contains("Completion report due soon", en.Subject, StringComparison.Ordinal);
        Assert.Contains(Routes.ProjectExecution(portal.ProjectId), en.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("总结", en.TextBody, StringComparison.Ordinal);

        Assert.Equal(2, (await RunOnAsync(due.AddDays(-3))).Count);          // the same day again: nothing more
        Assert.Equal(2, (await RunOnAsync(due)).Count);
        var overdue = await RunOnAsync(due.AddDays(1));
        Assert.Equal(4, overdue.Count);
        Assert.Contains(overdue, m => m.ToAddress == "en@hyj.demo" && m.Subject.Contains("overdue", StringComparison.Ordinal));
        Assert.Equal(4, (await RunOnAsync(due.AddDays(1))).Count);

        // Once the report is in, no more reminders.
        portal.SetToday(due.AddDays(2));
        await using (var pdf = ExecutionPortal.Pdf())
            await portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, pdf, "report.pdf", pdf.Length);
        Assert.Equal(4, (await RunOnAsync(due.AddDays(2))).Count);
    }
}
