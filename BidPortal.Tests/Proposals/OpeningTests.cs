using System.Globalization;
using System.Net;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Proposals;

/// <summary>
/// The opening (开标) on the demo's open project C-02, with real sealed uploads and a fake clock moved past
/// its deadline: every hash is checked, a byte flipped on disk is flagged, too few valid bids is 流标, and the
/// record is public to the bidders only — and to nobody before the opening.
/// </summary>
public class OpeningTests
{
    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);
    private static readonly string[] RefusedSecondOpening = ["Save.Conflict", "Opening.AlreadyOpened"];

    [Fact]
    public async Task Opening_AfterTheDeadline_ChecksEveryHash_FlagsATamperedFile_AndShowsTheRecordToTheBiddersOnly()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory(clock: clock);
        var c02 = await ProjectAsync(factory, "C-02");
        await WithdrawDemoBidsAsync(factory, c02.Id);
        var keys = new Dictionary<string, string>();
        foreach (var (code, price) in new[] { ("PKU", 150_000m), ("THU", 160_000m), ("ZJU", 170_000m), ("RUC", 180_000m), ("FDU", 190_000m) })
            keys[code] = await UploadAsync(factory, c02.Id, code, price);
        await factory.Services.GetRequiredService<Web.Features.Proposals.Proposals>().WithdrawAsync(await InstitutionAsync(factory, "FDU"), c02.Id,
            TestContext.Current.CancellationToken);
        var openings = factory.Services.GetRequiredService<Openings>();

        // Before the deadline: refused, naming the deadline in Beijing time; the record is sealed to everyone.
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentUICulture = zh;
        var early = await Assert.ThrowsAsync<DomainException>(() => openings.OpenAsync(Organizer, c02.Id));
        Assert.Contains(BeijingTime.Format(c02.Deadline!.Value, zh), early.Message);
        Assert.Contains("北京时间", early.Message);
        foreach (var login in new[] { "organizer", "inst.pku" })
        {
            using var client = await SignIn.ClientAsync(factory, login);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Routes.OpeningRecordPdf(c02.Id), TestContext.Current.CancellationToken)).StatusCode);
        }

        // One byte flipped in RUC's sealed file on disk.
        var path = Path.Combine(factory.DataFolder, "proposals", keys["RUC"] + ".sealed");
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        bytes[bytes.Length - 20] ^= 0x01;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        clock.SetUtcNow(c02.Deadline!.Value.AddMinutes(1));
        var result = await openings.OpenAsync(Organizer, c02.Id);
        Assert.Equal(ProjectStatus.Opened, result.Status);
        Assert.Equal(3, result.Valid);
        Assert.Equal(1, result.Flagged);

        var record = await openings.RecordAsync(Organizer, c02.Id);
        var names = await NamesAsync(factory, zh);
        Assert.Equal(OpeningOutcome.Valid, record.Rows.Single(r => r.Institution == names["PKU"]).Outcome);
        Assert.Equal(150_000m, record.Rows.Single(r => r.Institution == names["PKU"]).Price);
        Assert.Equal(OpeningOutcome.Valid, record.Rows.Single(r => r.Institution == names["ZJU"]).Outcome);
        var ruc = record.Rows.Single(r => r.Institution == names["RUC"]);
        Assert.Equal(OpeningOutcome.Flagged, ruc.Outcome);
        Assert.Contains("SHA-256", ruc.Reason);
        var fdu = record.Rows.Single(r => r.Institution == names["FDU"]);
        Assert.Equal(OpeningOutcome.Withdrawn, fdu.Outcome);
        Assert.Null(fdu.Price);
        await using (var db = factory.CreateDbContext())
            Assert.Equal(await db.Users.Where(u => u.UserName == "organizer").Select(u => u.DisplayName).SingleAsync(TestContext.Current.CancellationToken),
                record.OpenedBy);

        // A second click changes nothing and says why.
        var again = await Assert.ThrowsAsync<DomainException>(() => openings.OpenAsync(Organizer, c02.Id));
        Assert.Equal("Opening.AlreadyOpened", again.Key);
        Assert.Equal(record.Rows.Select(r => r.Outcome), (await openings.RecordAsync(Organizer, c02.Id)).Rows.Select(r => r.Outcome));

        // A bidder reads the record (the PDF lists every bidder); another invitee and a sponsor may not.
        using (var pku = await SignIn.ClientAsync(factory, "inst.pku"))
        {
            var response = await pku.GetAsync(Routes.OpeningRecordPdf(c02.Id), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            // The signed-in client reads English: the PDF names each bidder in English.
            var english = await NamesAsync(factory, CultureInfo.GetCultureInfo("en"));
            foreach (var code in new[] { "PKU", "THU", "ZJU", "RUC", "FDU" }) Assert.Contains(english[code].Replace(" ", ""), text.Replace(" ", ""));
            Assert.Contains("Openingrecord", text.Replace(" ", ""));
            Assert.Contains(record.Rows[0].Sha256[..16], text);
        }
        foreach (var login in new[] { "inst.sdu", "sponsor.czj" })
        {
            using var client = await SignIn.ClientAsync(factory, login);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Routes.OpeningRecordPdf(c02.Id), TestContext.Current.CancellationToken)).StatusCode);
        }
        await Assert.ThrowsAsync<DomainException>(async () => await openings.RecordAsync(await InstitutionAsync(factory, "SDU"), c02.Id));
        var thuView = await openings.RecordAsync(await InstitutionAsync(factory, "THU"), c02.Id);
        Assert.Equal(5, thuView.Rows.Count);
    }

    [Fact]
    public async Task TooFewValidProposals_IsUnsuccessful_AndReTenderStartsRoundTwoKeepingTheOldBids()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory(clock: clock);
        var c02 = await ProjectAsync(factory, "C-02");
        await WithdrawDemoBidsAsync(factory, c02.Id);
        await UploadAsync(factory, c02.Id, "ZJU", 150_000m);
        await UploadAsync(factory, c02.Id, "RUC", 160_000m);
        var openings = factory.Services.GetRequiredService<Openings>();
        int bidsBefore;
        await using (var db = factory.CreateDbContext())
            bidsBefore = await db.Proposals.CountAsync(p => p.TenderProjectId == c02.Id && p.Round == 1, TestContext.Current.CancellationToken);

        clock.SetUtcNow(c02.Deadline!.Value.AddHours(1));
        var result = await openings.OpenAsync(Organizer, c02.Id);
        Assert.Equal((2, 3), (result.Valid, result.MinValidProposals));
        Assert.Equal(ProjectStatus.Unsuccessful, result.Status);

        var record = await openings.RecordAsync(Organizer, c02.Id);
        Assert.True(record.IsUnsuccessful);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var noReason = await Assert.ThrowsAsync<DomainException>(() => openings.CancelAsync(Organizer, c02.Id, "  "));
        Assert.Equal("Project.CancelReasonRequired", noReason.Key);

        await openings.RetenderAsync(Organizer, c02.Id);
        await using (var db = factory.CreateDbContext())
        {
            var project = await db.Projects.SingleAsync(p => p.Id == c02.Id, TestContext.Current.CancellationToken);
            Assert.Equal(ProjectStatus.Draft, project.Status);
            Assert.Equal(2, project.Round);
            Assert.Equal(bidsBefore, await db.Proposals.CountAsync(p => p.TenderProjectId == c02.Id && p.Round == 1, TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Proposals.CountAsync(p => p.TenderProjectId == c02.Id && p.Round == 2, TestContext.Current.CancellationToken));
            Assert.True(await db.Invitations.CountAsync(i => i.TenderProjectId == c02.Id, TestContext.Current.CancellationToken) > 0);
        }
        // A draft is not unsuccessful any more: neither re-tendered again nor cancelled from here.
        await Assert.ThrowsAsync<DomainException>(() => openings.RetenderAsync(Organizer, c02.Id));
        await Assert.ThrowsAsync<DomainException>(() => openings.CancelAsync(Organizer, c02.Id, "no bids"));
    }

    [Fact]
    public async Task AnUnsuccessfulTender_IsCancelledWithItsReason_AndOnlyTheOrganizerOpens()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory(clock: clock);
        var c02 = await ProjectAsync(factory, "C-02");
        await WithdrawDemoBidsAsync(factory, c02.Id);
        await UploadAsync(factory, c02.Id, "ZJU", 150_000m);
        var openings = factory.Services.GetRequiredService<Openings>();
        clock.SetUtcNow(c02.Deadline!.Value.AddHours(1));
        await Assert.ThrowsAsync<DomainException>(async () => await openings.OpenAsync(await InstitutionAsync(factory, "ZJU"), c02.Id));

        async Task<Click> Attempt()
        {
            try
            {
                return new Click(await openings.OpenAsync(Organizer, c02.Id), null);
            }
            catch (DomainException e)
            {
                return new Click(null, e);
            }
        }
        await Assert.ThrowsAsync<DomainException>(() => openings.OpenAsync(Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: 1), c02.Id));

        // Two organizers click at once: one opening is recorded, the other is told why nothing happened.
        var clicks = await Task.WhenAll(Attempt(), Attempt());
        var result = Assert.Single(clicks, c => c.Result is not null).Result!;
        Assert.Contains(Assert.Single(clicks, c => c.Refusal is not null).Refusal!.Key, RefusedSecondOpening);
        await using (var audit = factory.CreateDbContext())
            Assert.Equal(1, await audit.AuditEntries.CountAsync(a => a.Action == Openings.OpenedAction && a.EntityId == $"{c02.Id}",
                TestContext.Current.CancellationToken));
        Assert.Equal(ProjectStatus.Unsuccessful, result.Status);
        Assert.Equal(1, result.Valid);
        await openings.CancelAsync(Organizer, c02.Id, "只有一家有效投标");
        await using var db = factory.CreateDbContext();
        var project = await db.Projects.SingleAsync(p => p.Id == c02.Id, TestContext.Current.CancellationToken);
        Assert.Equal(ProjectStatus.Cancelled, project.Status);
        Assert.Equal("只有一家有效投标", project.CancelReason);
        // The record of a tender opened and then cancelled stays readable.
        var record = await openings.RecordAsync(Organizer, c02.Id);
        Assert.Contains(record.Rows, r => r.Outcome == OpeningOutcome.Valid);
    }

    private sealed record Click(OpeningResult? Result, DomainException? Refusal);

    /// <summary>The demo's own bids on the project are withdrawn by their owners, so the counts are the test's own.</summary>
    private static async Task WithdrawDemoBidsAsync(PortalFactory factory, int projectId)
    {
        List<string> codes;
        await using (var db = factory.CreateDbContext())
            codes = await db.Proposals.Where(p => p.TenderProjectId == projectId && p.Status != ProposalStatus.Withdrawn)
                .Join(db.Institutions, p => p.InstitutionId, i => i.Id, (p, i) => i.Code).ToListAsync(TestContext.Current.CancellationToken);
        var proposals = factory.Services.GetRequiredService<Web.Features.Proposals.Proposals>();
        foreach (var code in codes) await proposals.WithdrawAsync(await InstitutionAsync(factory, code), projectId, TestContext.Current.CancellationToken);
    }

    private static async Task<TenderProject> ProjectAsync(PortalFactory factory, string code)
    {
        await using var db = factory.CreateDbContext();
        return await db.Projects.AsNoTracking().SingleAsync(p => p.Code == code && p.Status == ProjectStatus.Open, TestContext.Current.CancellationToken);
    }

    private static async Task<Actor> InstitutionAsync(PortalFactory factory, string code)
    {
        await using var db = factory.CreateDbContext();
        var id = await db.Institutions.Where(i => i.Code == code).Select(i => i.Id).SingleAsync(TestContext.Current.CancellationToken);
        return Actor.Of($"inst.{code.ToLowerInvariant()}", Roles.Institution, id);
    }

    private static async Task<Dictionary<string, string>> NamesAsync(PortalFactory factory, CultureInfo culture)
    {
        await using var db = factory.CreateDbContext();
        return (await db.Institutions.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).ToDictionary(i => i.Code, i => i.NameIn(culture));
    }

    /// <summary>A real sealed upload through the Proposals service, as the endpoint makes it; returns the file's storage key.</summary>
    private static async Task<string> UploadAsync(PortalFactory factory, int projectId, string code, decimal price)
    {
        var proposals = factory.Services.GetRequiredService<Web.Features.Proposals.Proposals>();
        var content = new MemoryStream(Encoding.UTF8.GetBytes($"%PDF-1.4\n% proposal of {code} at {price}\n%%EOF\n"));
        var receipt = await proposals.SubmitAsync(await InstitutionAsync(factory, code), projectId,
            new ProposalFields(price, 5, 60, "王教授 教授", "第一天 宏观经济"), $"{code}.pdf", content, TestContext.Current.CancellationToken);
        await using var db = factory.CreateDbContext();
        return await db.ProposalVersions.Where(v => v.Id == receipt.VersionId).Select(v => v.StorageKey!).SingleAsync(TestContext.Current.CancellationToken);
    }
}
