using System.Net;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Tests.Execution;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Awards;
using BidPortal.Web.Features.Execution;
using BidPortal.Web.Features.Notice;
using BidPortal.Web.Features.Shortlists;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Review attack on issue 12: races on the notice (objection filed / answered twice at once), the report twice at once,
/// other actors called straight at the services (a stale circuit), hostile text, and every new endpoint without a sign-in
/// or as the wrong person.
/// </summary>
public class Issue12AttackTests
{
    private static async Task<DomainException?> Try(Func<Task> action)
    {
        try { await action(); return null; }
        catch (DomainException e) { return e; }
    }

    // ---------- Races on the notice ----------

    [Fact]
    public async Task Attack_ObjectionAnsweredTwiceAtOnce_KeepsOneAnswer_AndMailsOnce()
    {
        await using var stage = await NoticeStage.BuildAsync();
        var notices = stage.Factory.Services.GetRequiredService<Notices>();
        var bidder = stage.Others[^1];
        await notices.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, stage.ProjectId, "价格分计算有误，请复核。");
        int objectionId;
        await using (var db = stage.Factory.CreateDbContext())
            objectionId = await db.Objections.Where(o => o.TenderProjectId == stage.ProjectId && o.InstitutionId == bidder && o.AnsweredAt == null)
                .Select(o => o.Id).SingleAsync();

        var outcomes = new List<DomainException?>();
        for (var attempt = 0; attempt < 1; attempt++)
        {
            var tries = new[]
            {
                Task.Run(() => Try(() => notices.AnswerAsync(Actors.Organizer, objectionId, "答复甲：经复核，价格分无误。", false, null))),
                Task.Run(() => Try(() => notices.AnswerAsync(Actor.Of("organizer2", Roles.Organizer), objectionId, "答复乙：完全不同的答复。", false, null))),
            };
            outcomes.AddRange(await Task.WhenAll(tries));
        }

        await using var check = stage.Factory.CreateDbContext();
        var answerMails = await check.OutgoingMails.CountAsync(m => m.Purpose == NoticeMail.AnswerPurpose);
        var stored = await check.Objections.AsNoTracking().SingleAsync(o => o.Id == objectionId);
        // One answer only ("given once and not changed"): exactly one call succeeds, one mail to the bidder's users per answer.
        Assert.True(outcomes.Count(o => o is null) == 1,
            $"both answers succeeded; stored answer now '{stored.Answer}' by {stored.AnsweredBy}; answer mails: {answerMails}");
    }

    [Fact]
    public async Task Attack_SameBidderFilesTwoObjectionsAtOnce_OnlyOneIsOpen()
    {
        await using var stage = await NoticeStage.BuildAsync();
        var notices = stage.Factory.Services.GetRequiredService<Notices>();
        var bidder = stage.Others[^1];
        var tries = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            Try(() => notices.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, stage.ProjectId, $"并发质疑 {i}")))).ToArray();
        await Task.WhenAll(tries);

        await using var db = stage.Factory.CreateDbContext();
        var open = await db.Objections.CountAsync(o => o.TenderProjectId == stage.ProjectId && o.InstitutionId == bidder && o.AnsweredAt == null);
        // "One open objection per institution at a time" (TenderProject.FileObjection).
        Assert.True(open == 1, $"{open} open objections of one bidder after 4 simultaneous filings");
    }

    [Fact]
    public async Task Attack_ObjectionFiledAtTheNoticesLastMoment_WhileTheAwardIsSaved_NeverLeavesAnAwardedProjectWithAnOpenObjection()
    {
        // The interleaving the services allow: the objection's request loads the project a moment before the notice ends,
        // the award's a moment after; the award saves first, then the objection.
        await using var stage = await NoticeStage.BuildAsync();
        var bidder = stage.Others[^1];
        await using var objecting = stage.Factory.CreateDbContext();
        var p1 = await objecting.Projects.Include(p => p.Objections).SingleAsync(p => p.Id == stage.ProjectId);
        var before = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(stage.NoticeEndsAt.AddMilliseconds(-5));
        p1.FileObjection(bidder, "最后一刻的质疑", "inst.test", before);

        await using (var awarding = stage.Factory.CreateDbContext())
        {
            var p2 = await awarding.Projects.Include(p => p.Shortlist).Include(p => p.Objections).AsSplitQuery().SingleAsync(p => p.Id == stage.ProjectId);
            var after = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(stage.NoticeEndsAt.AddMilliseconds(5));
            var first = p2.Shortlist.OrderBy(s => s.Position).First();
            foreach (var o in p2.Objections.Where(o => o.IsOpen)) o.Respond("已答复", false, "organizer", after);
            var award = p2.Award(first.ProposalId, stage.Shortlisted[0], null, "sponsor.czj", after);
            awarding.Awards.Add(award);
            await awarding.SaveChangesAsync();
        }
        Exception? late = null;
        try { await objecting.SaveChangesAsync(); }
        catch (Exception e) { late = e; }

        await using var check = stage.Factory.CreateDbContext();
        var status = await check.Projects.Where(p => p.Id == stage.ProjectId).Select(p => p.Status).SingleAsync();
        var open = await check.Objections.CountAsync(o => o.TenderProjectId == stage.ProjectId && o.AnsweredAt == null);
        Assert.True(!(status == ProjectStatus.Awarded && open > 0),
            $"project {status} with {open} open objection(s); the objection's save {(late is null ? "succeeded" : "failed: " + late.GetType().Name)}");
    }

    // ---------- Other actors straight at the services (a circuit gone stale) ----------

    [Fact]
    public async Task Attack_NoticeAndObjections_ForAnotherInstitution_OrByTheWrongRole_AreRefused()
    {
        await using var stage = await NoticeStage.BuildAsync();
        var notices = stage.Factory.Services.GetRequiredService<Notices>();
        var me = stage.Others[0];
        var other = stage.Shortlisted[0];
        await using (var db = stage.Factory.CreateDbContext())
        {
            var before = await db.Objections.CountAsync(o => o.TenderProjectId == stage.ProjectId);
            // My user, another institution's id: read and file.
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
                notices.ForBidderAsync(NoticeStage.Institution(me), other, stage.ProjectId))));
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
                notices.FileObjectionAsync(NoticeStage.Institution(me), other, stage.ProjectId, "冒名质疑"))));
            // Invited but did not bid: no notice, no objection.
            var nb = stage.InvitedNotBidding;
            Assert.Null(await notices.ForBidderAsync(NoticeStage.Institution(nb), nb, stage.ProjectId));
            var refused = await Assert.ThrowsAsync<DomainException>(() => notices.FileObjectionAsync(NoticeStage.Institution(nb), nb, stage.ProjectId, "未投标的质疑"));
            Assert.True(AccessPolicy.IsDenied(refused) || AccessPolicy.IsNotFound(refused), refused.Key);
            // A sponsor / evaluator acting for an institution id: refused. They cannot read or answer objections.
            foreach (var actor in new[] { Actors.Other("sponsor"), Actors.Other("evaluator") })
            {
                await Assert.ThrowsAsync<DomainException>(() => notices.FileObjectionAsync(actor, other, stage.ProjectId, "x"));
                await Assert.ThrowsAsync<DomainException>(() => notices.ObjectionsAsync(actor, stage.ProjectId));
            }
            var anyObjection = await db.Objections.Where(o => o.TenderProjectId == stage.ProjectId).Select(o => o.Id).FirstAsync();
            foreach (var actor in new[] { Actors.Other("sponsor"), Actors.Other("evaluator"), NoticeStage.Institution(me) })
                Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
                    notices.AnswerAsync(actor, anyObjection, "越权答复", true, "越权重评"))));
            Assert.Equal(before, await db.Objections.CountAsync(o => o.TenderProjectId == stage.ProjectId));
        }

        // A bidder's view carries the recommended rows only (names and totals of the shortlist), never another bidder's objection.
        var view = await notices.ForBidderAsync(NoticeStage.Institution(me), me, stage.ProjectId);
        Assert.NotNull(view);
        Assert.Equal(stage.Shortlisted.Count, view!.Rows.Count);
        Assert.Empty(view.Objections);
    }

    public static TheoryData<string, string> HostileReasons => new()
    {
        { "1 MB", new string('质', 1024 * 1024) },
        { "NUL", "价格分\0有误" },
        { "RLO", "价格分\u202E有误" },
        { "isolate", "价格分\u2066有误\u2069" },
        { "BEL", "价格分\a有误" },
        { "only zero-width", "\u200B\u200B" },
    };

    [Theory]
    [MemberData(nameof(HostileReasons))]
    public async Task Attack_ObjectionReason_Hostile_IsRefused_AndNothingSaved(string what, string reason)
    {
        await using var stage = await NoticeStage.BuildAsync();
        var notices = stage.Factory.Services.GetRequiredService<Notices>();
        var bidder = stage.Others[^1];
        var refused = await Try(() => notices.FileObjectionAsync(NoticeStage.Institution(bidder), bidder, stage.ProjectId, reason));
        await using var db = stage.Factory.CreateDbContext();
        var saved = await db.Objections.CountAsync(o => o.TenderProjectId == stage.ProjectId && o.InstitutionId == bidder);
        Assert.True(refused is not null && saved == 0, $"{what}: accepted ({saved} saved)");
    }

    [Theory]
    [InlineData("\u200B\u200B")]
    [InlineData("\u200F")]
    public async Task Attack_NonFirstAward_WithAnInvisibleReason_IsRefused(string reason)
    {
        using var factory = new PortalFactory();
        var clone = await ShortlistedClone.CreateAsync(factory);
        var awards = factory.Services.GetRequiredService<Awards>();
        var refused = await Try(() => awards.AwardAsync(clone.LeadSponsor, clone.ProjectId, clone.Shortlist[1].ProposalId, reason));
        Assert.True(refused is not null, "the second on the list was awarded with an invisible reason");
    }

    // ---------- Award, outcome and execution with other actors ----------

    [Fact]
    public async Task Attack_OutcomeShortlistAndExecution_OfC06_ForOthers_AreRefused()
    {
        using var portal = new ExecutionPortal();
        var services = portal.Factory.Services;
        var awards = services.GetRequiredService<Awards>();
        var shortlists = services.GetRequiredService<Shortlists>();
        var statusBefore = portal.Record().Status;
        int loser, nonBidder;
        await using (var db = portal.Factory.CreateDbContext())
        {
            var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == portal.ProjectId);
            var bidders = await db.Proposals.Where(p => p.TenderProjectId == portal.ProjectId && p.Round == project.Round)
                .Select(p => p.InstitutionId).Distinct().ToListAsync();
            loser = bidders.First(b => b != portal.Winner.InstitutionId);
            nonBidder = await db.Institutions.Where(i => !bidders.Contains(i.Id)).Select(i => i.Id).FirstAsync();
        }
        // The winner's user asks the loser's outcome (rank), and the reverse.
        Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() =>
            awards.OutcomeAsync(portal.Winner, loser, portal.ProjectId))));
        var loserActor = Actor.Of("inst.loser", Roles.Institution, institutionId: loser);
        var own = await awards.OutcomeAsync(loserActor, loser, portal.ProjectId);
        Assert.NotNull(own);
        Assert.False(own!.Awarded);
        // An institution that did not bid, with its own id: nothing.
        var stranger = Actor.Of("inst.x", Roles.Institution, institutionId: nonBidder);
        var strangerRefused = await Try(() => awards.OutcomeAsync(stranger, nonBidder, portal.ProjectId));
        Assert.NotNull(strangerRefused);
        // Sponsor of another unit / evaluator / institution: shortlist, award panel, execution, report.
        foreach (var actor in new[] { portal.OtherSponsor, ExecutionPortal.Evaluator, portal.Winner })
        {
            Assert.True(AccessPolicy.IsNotFound(await Assert.ThrowsAsync<DomainException>(() => shortlists.ForSponsorAsync(actor, portal.ProjectId))));
            Assert.NotNull(await Try(() => awards.PanelAsync(actor, portal.ProjectId)));
            Assert.NotNull(await Try(() => portal.Executions.ProjectAsync(actor, portal.ProjectId)));
            Assert.NotNull(await Try(() => portal.Executions.OpenReportAsync(actor, portal.ProjectId)));
            Assert.NotNull(await Try(() => portal.Executions.RecordHeldAsync(actor, portal.ProjectId,
                new ExecutionInput(portal.Today.AddDays(-3), portal.Today.AddDays(-1), 10, 1000m, "越权"))));
            await using var pdf = ExecutionPortal.Pdf();
            Assert.NotNull(await Try(() => portal.Executions.SubmitReportAsync(actor, portal.ProjectId, pdf, "r.pdf", pdf.Length)));
        }
        Assert.Equal(statusBefore, portal.Record().Status);
        Assert.Equal(0, portal.StoredReports());
    }

    // ---------- Execution: the report twice at once, bounds ----------

    [Fact]
    public async Task Attack_ReportSubmittedTwiceAtOnce_OneReport_OneFileKept()
    {
        using var portal = new ExecutionPortal();
        await portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(portal.Today.AddDays(-5), portal.Today.AddDays(-1), 40, 100000m, null));
        var tries = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            await using var pdf = ExecutionPortal.Pdf(3000 + i);
            try { await portal.Executions.SubmitReportAsync(i == 0 ? portal.LeadSponsor : Actors.Organizer, portal.ProjectId, pdf, $"report{i}.pdf", pdf.Length); return (Exception?)null; }
            catch (Exception e) { return e; }
        })).ToArray();
        var outcomes = await Task.WhenAll(tries);

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.IsType<DomainException>(o));
        Assert.Equal(ExecutionStatus.Completed, portal.Record().Status);
        Assert.Equal(1, portal.StoredReports());
    }

    [Fact]
    public async Task Attack_RecordCorrectedWhileTheReportIsSaved_NeverChangesACompletedRecord()
    {
        // The interleaving RecordHeldAsync allows: it loads the record (still held), the report completes the project,
        // then the correction saves.
        using var portal = new ExecutionPortal();
        await portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(portal.Today.AddDays(-5), portal.Today.AddDays(-1), 40, 100000m, null));
        await using var correcting = portal.Factory.CreateDbContext();
        var stale = await correcting.ExecutionRecords.SingleAsync(r => r.TenderProjectId == portal.ProjectId);

        await using (var pdf = ExecutionPortal.Pdf())
            await portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, pdf, "report.pdf", pdf.Length);

        stale.RecordHeld(portal.Today.AddDays(-5), portal.Today.AddDays(-1), 4, 1m, portal.Today, "报告后改", "sponsor.hyj", portal.Clock);
        Exception? late = null;
        try { await correcting.SaveChangesAsync(); }
        catch (Exception e) { late = e; }

        var stored = portal.Record();
        Assert.True(stored.ActualCost == 100000m && stored.Trainees == 40,
            $"completed record changed to cost {stored.ActualCost}, trainees {stored.Trainees}; status {stored.Status}; save {(late is null ? "succeeded" : late.GetType().Name)}");
    }

    public static TheoryData<string, int, int, int, string> ExecutionBounds => new()
    {
        // what, start offset, end offset, trainees, cost
        { "cost with 3 decimals", -3, -1, 10, "1000.005" },
        { "cost 1e20", -3, -1, 10, "100000000000000000000" },
        { "negative cost", -3, -1, 10, "-0.01" },
        { "trainees int.MaxValue", -3, -1, int.MaxValue, "1000" },
        { "trainees negative", -3, -1, -5, "1000" },
        { "start in year 1", -700000, -1, 10, "1000" },
    };

    [Theory]
    [MemberData(nameof(ExecutionBounds))]
    public async Task Attack_ExecutionRecord_OutOfBounds_IsRefused(string what, int startOffset, int endOffset, int trainees, string cost)
    {
        using var portal = new ExecutionPortal();
        var start = portal.Today.DayNumber + startOffset < 0 ? DateOnly.MinValue : portal.Today.AddDays(startOffset);
        var refused = await Try(() => portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(start, portal.Today.AddDays(endOffset), trainees, decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture), null)));
        Assert.True(refused is not null, $"{what}: accepted");
    }

    [Fact]
    public async Task Attack_ExecutionNote_WithBidiAndControlCharacters_IsRefused()
    {
        using var portal = new ExecutionPortal();
        foreach (var note in new[] { "备注\u202E反转", "备注\0截断", new string('x', 1024 * 1024) })
        {
            var refused = await Try(() => portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
                new ExecutionInput(portal.Today.AddDays(-3), portal.Today.AddDays(-1), 10, 1000m, note)));
            Assert.True(refused is not null, $"note {note[..Math.Min(6, note.Length)]}… accepted");
        }
    }

    public static TheoryData<string, string, byte[]> HostileReports => new()
    {
        { "exe renamed pdf", "report.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0] },
        { "empty", "report.pdf", [] },
        { "html as pdf", "report.pdf", "<html><script>alert(1)</script></html>"u8.ToArray() },
        { "zip not docx", "report.docx", [0x50, 0x4B, 0x03, 0x04, .. new byte[200]] },
        { "pdf with path", "../../etc/report.pdf", [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[100]] },
        { "exe extension", "report.exe", [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[100]] },
        { "double extension", "report.pdf.exe", [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[100]] },
    };

    [Theory]
    [MemberData(nameof(HostileReports))]
    public async Task Attack_HostileReport_IsRefusedOrStoredHarmlessly(string what, string name, byte[] bytes)
    {
        using var portal = new ExecutionPortal();
        await portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(portal.Today.AddDays(-5), portal.Today.AddDays(-1), 40, 100000m, null));
        await using var stream = new MemoryStream(bytes);
        var refused = await Try(() => portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, stream, name, bytes.Length));
        if (what == "pdf with path")
        {
            // The path is dropped: stored under the plain name, inside the file store.
            if (refused is null) Assert.Equal("report.pdf", portal.Record().ReportFileName);
            return;
        }
        Assert.True(refused is not null, $"{what}: accepted as {portal.Record().ReportFileName}");
        Assert.Equal(0, portal.StoredReports());
    }

    [Fact]
    public async Task Attack_ZipBombishDocx_IsRefusedOrBounded()
    {
        using var portal = new ExecutionPortal();
        await portal.Executions.RecordHeldAsync(portal.LeadSponsor, portal.ProjectId,
            new ExecutionInput(portal.Today.AddDays(-5), portal.Today.AddDays(-1), 40, 100000m, null));
        // A docx-shaped zip whose document.xml inflates to 500 MB of zeros.
        var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                await w.WriteAsync("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            await using var doc = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 500; i++) await doc.WriteAsync(zeros);
        }
        buffer.Position = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var memoryBefore = GC.GetTotalMemory(false);
        _ = await Try(() => portal.Executions.SubmitReportAsync(portal.LeadSponsor, portal.ProjectId, buffer, "report.docx", buffer.Length));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.True(GC.GetTotalMemory(false) - memoryBefore < 200L * 1024 * 1024, "inflated into memory");
    }

    // ---------- HTTP: anonymous and the wrong people on every new endpoint ----------

    private static async Task<(int ProjectId, int CampaignId)> C06Async(PortalFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var p = await db.Projects.AsNoTracking().SingleAsync(x => x.Code == "C-06" && x.Status == ProjectStatus.Awarded);
        return (p.Id, p.CampaignId);
    }

    private static string[] Addresses(int projectId, int campaignId) =>
    [
        Routes.SponsorShortlist(projectId), Routes.ShortlistPdf(projectId), Routes.ProjectExecution(projectId), Routes.ExecutionReport(projectId),
        Routes.ExecutionCsv(campaignId), Routes.ExecutionXlsx(campaignId), Routes.CampaignSummaryPdf(campaignId), Routes.OpenDataPackage(campaignId),
        Routes.ListCsv("projects") + $"?id={campaignId}", Routes.ListCsv("overdue") + $"?id={campaignId}", Routes.ListCsv("outbox"),
        $"/exports/lists/projects.xlsx?id={campaignId}", Routes.CampaignExecution(campaignId),
    ];

    [Fact]
    public async Task Attack_Anonymous_OnEveryNewEndpoint_GetsNoData()
    {
        using var factory = new PortalFactory();
        var (projectId, campaignId) = await C06Async(factory);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        List<string> leaks = [];
        foreach (var address in Addresses(projectId, campaignId))
        {
            using var response = await client.GetAsync(address);
            var ok = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("login", StringComparison.OrdinalIgnoreCase));
            if (!ok) leaks.Add($"{address}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        }
        Assert.Empty(leaks);
    }

    [Theory]
    [InlineData("sponsor.czj")]
    [InlineData("inst.sdu")]
    [InlineData("inst.pku")]
    [InlineData("expert01")]
    public async Task Attack_WrongPeople_OnC06sFilesAndTheCampaignsExports_GetNoFile(string login)
    {
        using var factory = new PortalFactory();
        var (projectId, campaignId) = await C06Async(factory);
        // A report on file, so a refusal is not just "nothing there".
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var executions = scope.ServiceProvider.GetRequiredService<Executions>();
            await using var db = factory.CreateDbContext();
            var unit = await db.Projects.Where(p => p.Id == projectId).Select(p => p.LeadSponsorUnitId).SingleAsync();
            var lead = Actor.Of("sponsor.hyj", Roles.Sponsor, sponsorUnitId: unit);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BeijingTime.Zone).DateTime);
            await executions.RecordHeldAsync(lead, projectId, new ExecutionInput(today.AddDays(-5), today.AddDays(-1), 40, 100000m, null));
            await using var pdf = ExecutionPortal.Pdf();
            await executions.SubmitReportAsync(lead, projectId, pdf, "report.pdf", pdf.Length);
        }
        using var client = await SignIn.ClientAsync(factory, login);
        client.DefaultRequestHeaders.Add("X-No-Redirect", "1");
        List<string> leaks = [];
        foreach (var address in Addresses(projectId, campaignId).Where(a => a.StartsWith("/files", StringComparison.Ordinal) || a.StartsWith("/exports", StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(address);
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            var isFile = response.IsSuccessStatusCode && !type.Contains("html", StringComparison.Ordinal);
            if (isFile) leaks.Add($"{address}: {(int)response.StatusCode} {type}");
        }
        Assert.Empty(leaks);
    }
}
