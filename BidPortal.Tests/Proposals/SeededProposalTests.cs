using System.Net;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Projects;
using BidPortal.Domain.Proposals;
using BidPortal.Tests.Support;
using BidPortal.Web;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace BidPortal.Tests.Proposals;

/// <summary>
/// The demo's proposals are real sealed documents, as an upload leaves them: each decrypts to the
/// PDF its receipt hashed, names its institution, project and price, and lies on disk unreadable.
/// </summary>
public class SeededProposalTests(SeededProposalTests.Fixture fixture) : IClassFixture<SeededProposalTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private sealed record Seeded(int VersionId, int Year, string Code, ProjectStatus ProjectStatus, string Institution, ProposalStatus Status,
        string FileName, long Size, string Sha256, string? StorageKey, string? WrappedKey, decimal Price);

    private async Task<List<Seeded>> SeededAsync()
    {
        await using var db = fixture.CreateDbContext();
        return await (
            from v in db.ProposalVersions
            join p in db.Proposals on v.ProposalId equals p.Id
            join t in db.Projects on p.TenderProjectId equals t.Id
            join c in db.Campaigns on t.CampaignId equals c.Id
            join i in db.Institutions on p.InstitutionId equals i.Id
            select new Seeded(v.Id, c.Year, t.Code, t.Status, i.Name, p.Status, v.FileName, v.Size, v.Sha256, v.StorageKey, v.WrappedKey, v.Price))
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private ProposalVault Vault => fixture.Services.GetRequiredService<ProposalVault>();

    [Fact]
    public async Task EverySeededProposal_IsASealedFile_ThatDecryptsToWhatItsReceiptHashed()
    {
        var seeded = await SeededAsync();
        Assert.Equal(325, seeded.Count(s => s.Year == 2011));
        Assert.True(seeded.Count(s => s.Year != 2011) >= 20);
        foreach (var s in seeded)
        {
            Assert.False(string.IsNullOrEmpty(s.StorageKey), $"{s.Code} {s.Institution} has no stored file");
            Assert.False(string.IsNullOrEmpty(s.WrappedKey), $"{s.Code} {s.Institution} has no wrapped key");
            Assert.True(await Vault.MatchesAsync(s.StorageKey!, s.WrappedKey!, s.Sha256, TestContext.Current.CancellationToken),
                $"{s.Code} {s.Institution}: the file does not match its receipt");
            Assert.Equal($"培训方案-{s.Code}-{s.Institution}.pdf", s.FileName);
        }
        Assert.Equal(seeded.Count, seeded.Select(s => s.StorageKey).Distinct().Count());
        Assert.Equal(seeded.Count, seeded.Select(s => s.Sha256).Distinct().Count());
    }

    [Fact]
    public async Task OpenedProjects_WereOpenedWithTheHashChecked_AndEveryProposalCameOutValid()
    {
        var seeded = await SeededAsync();
        var opened = seeded.Where(s => s.ProjectStatus is not (ProjectStatus.Draft or ProjectStatus.Open)).ToList();
        Assert.Equal(seeded.Count(s => s.Code is not ("C-02" or "C-03")), opened.Count);
        Assert.True(opened.Count >= 325 + 19);
        Assert.All(opened, s => Assert.Equal(ProposalStatus.Valid, s.Status));
    }

    [Fact]
    public async Task TheOpenProjectAndTheOneAwaitingOpening_KeepTheirProposalsSealed()
    {
        var seeded = await SeededAsync();
        var c02 = seeded.Where(s => s.Code == "C-02").ToList();
        Assert.Equal(["北京大学", "清华大学"], c02.Select(s => s.Institution).Order());
        Assert.All(c02, s => Assert.Equal(ProposalStatus.Submitted, s.Status));
        var c03 = seeded.Where(s => s.Code == "C-03").ToList();
        Assert.Equal(5, c03.Count);
        Assert.All(c03, s => Assert.Equal(ProposalStatus.Submitted, s.Status));
    }

    [Theory]
    [InlineData("C-03", "北京大学")]
    [InlineData("2011-01", null)]
    public async Task ASeededPdf_ReadsBack_WithItsInstitutionProjectAndPrice(string code, string? institution)
    {
        var s = (await SeededAsync()).First(s => s.Code == code && (institution is null || s.Institution == institution));
        using var plain = new MemoryStream();
        await using (var stream = Vault.OpenRead(s.StorageKey!, s.WrappedKey!))
            await stream.CopyToAsync(plain, TestContext.Current.CancellationToken);
        Assert.Equal(s.Size, plain.Length);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(plain.ToArray(), 0, 4));
        using var pdf = PdfDocument.Open(plain.ToArray());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(s.Institution, text);
        Assert.Contains(s.Code, text);
        Assert.Contains(MoneyText.Format(s.Price).TrimStart('¥'), text);
    }

    [Fact]
    public async Task TheStoredFiles_HoldNoneOfTheirPlaintext()
    {
        foreach (var s in (await SeededAsync()).Where(s => s.Code is "C-02" or "C-03" or "2011-01"))
        {
            var stored = await File.ReadAllBytesAsync(Path.Combine(fixture.DataFolder, "proposals", s.StorageKey + ".sealed"),
                TestContext.Current.CancellationToken);
            Assert.True(stored.Length > s.Size);
            Assert.Equal(-1, stored.AsSpan().IndexOf("%PDF"u8));
            Assert.Equal(-1, stored.AsSpan().IndexOf("PK\x03\x04"u8));
            foreach (var price in new[] { $"{s.Price:0}", MoneyText.Format(s.Price), s.Institution })
                Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(price)));
        }
    }

    [Fact]
    public async Task TheCleanupAtStart_KeepsEverySeededFile_EvenWhenTheyAreOld()
    {
        var seeded = await SeededAsync();
        Assert.Equal(seeded.Count, Vault.StoredKeys().Count());
        // Hours later: every file is past the grace period, and every one is recorded, so none goes.
        await using var db = fixture.CreateDbContext();
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(3));
        Assert.Equal((0, 0), await ProposalCleanup.RunAsync(Vault, db, later, TestContext.Current.CancellationToken));
        Assert.Equal(seeded.Count, Vault.StoredKeys().Count());
    }

    [Fact]
    public async Task AfterOpening_TheOrganizerDownloadsASeededPdf_BeforeIt_OnlyItsOwnerCan()
    {
        var seeded = await SeededAsync();
        var ct = TestContext.Current.CancellationToken;
        var opened = seeded.First(s => s.Code == "C-06");
        using var organizer = await SignIn.ClientAsync(fixture, "organizer");
        var download = await organizer.GetAsync(Routes.ProposalDocument(opened.VersionId), ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(opened.Size, bytes.Length);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));

        var sealedBid = seeded.Single(s => s.Code == "C-02" && s.Institution == "北京大学");
        var refused = await organizer.GetAsync(Routes.ProposalDocument(sealedBid.VersionId), ct);
        Assert.False(refused.IsSuccessStatusCode);
        using var owner = await SignIn.ClientAsync(fixture, "inst.pku");
        var own = await owner.GetAsync(Routes.ProposalDocument(sealedBid.VersionId), ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(sealedBid.Size, (await own.Content.ReadAsByteArrayAsync(ct)).Length);
    }
}
