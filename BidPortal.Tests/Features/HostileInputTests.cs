using System.Globalization;
using System.IO.Compression;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Filings;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Tests.Features;

/// <summary>
/// Step 1 under hostile input, through the service the pages call: each input is refused with its
/// message in the person's language, and nothing is stored (no filing, no document row, no file).
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly TestDatabase _database;
    private readonly FilingReview _service;
    private readonly Actor _sponsor;
    private readonly int _filingId;

    public HostileInputTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _database = new TestDatabase(_clock);
        _service = new FilingReview(_database.Factory, _clock, _database.Files);
        using var db = _database.Create();
        db.Actor = "test";
        var campaign = new Campaign(2026, "2026年度", "2026");
        campaign.OpenFiling();
        var unit = new SponsorUnit("CZJ", "财政局", "Finance", UnitKind.MunicipalDepartment, "finance");
        db.AddRange(campaign, unit);
        db.SaveChanges();
        var filing = new Filing(campaign, unit, Build.Details(), _clock);
        db.Filings.Add(filing);
        db.SaveChanges();
        _filingId = filing.Id;
        _sponsor = Actor.Of("sponsor.czj", Roles.Sponsor, sponsorUnitId: unit.Id);
    }

    public void Dispose() => _database.Dispose();

    private int Filings()
    {
        using var db = _database.Create();
        return db.Filings.Count();
    }

    private int Documents()
    {
        using var db = _database.Create();
        return db.FilingDocuments.Count();
    }

    /// <summary>Files of this filing in the test's store: found by where a probe written through the store lands.</summary>
    private int StoredFiles()
    {
        var probe = _database.Files.SaveAsync(new MemoryStream([1]), "probe").GetAwaiter().GetResult();
        var probePath = Directory.GetFiles(Path.Combine(Path.GetTempPath(), "bidportal-tests"), Path.GetFileName(probe.Key),
            SearchOption.AllDirectories).Single();
        _database.Files.Delete(probe.Key);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(probePath))!;
        var folder = Path.Combine(root, "filings", $"{_filingId}");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Theory]
    [InlineData("en-US", "Dates must fall between 2000-01-01 and 2100-12-31.")]
    [InlineData("zh-CN", "日期须在 2000-01-01 至 2100-12-31 之间。")]
    public async Task AFilingDatedInTheYear9999_IsRefused_InTheReadersLanguage_AndNotStored(string culture, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var details = Build.Details() with { PlannedStart = new DateOnly(9999, 12, 20), PlannedEnd = new DateOnly(9999, 12, 24) };
        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync(_sponsor, details));
        Assert.Equal(message, refused.Message);
        Assert.Equal(1, Filings());
        await Assert.ThrowsAsync<DomainException>(() => _service.EditAsync(_sponsor, _filingId, details));
        using var db = _database.Create();
        Assert.Equal(new DateOnly(2026, 5, 11), db.Filings.Single().PlannedStart);
    }

    [Fact]
    public async Task A250CharacterPlace_IsRefused_AndNotStored()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync(_sponsor, Build.Details() with { Place = new string('地', 250) }));
        Assert.Equal("“place” is too long: at most 200 characters.", refused.Message);
        Assert.Equal("“培训地点”过长：最多 200 个字符。", refused.MessageIn(new CultureInfo("zh-CN")));
        Assert.Equal(1, Filings());
    }

    [Fact]
    public async Task AHugeHeadcount_IsRefused_AndNotStored()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync(_sponsor, Build.Details(headcount: int.MaxValue)));
        Assert.Equal("The headcount can be at most 100000.", refused.Message);
        Assert.Equal(1, Filings());
    }

    private Task Upload(string name, byte[] bytes) =>
        _service.AttachDocumentAsync(_sponsor, _filingId, DocumentKind.CourseNotice, name, bytes.Length, new MemoryStream(bytes));

    [Fact]
    public async Task HtmlNamedPdf_IsRefused_AndNothingIsStored()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Upload("notice.pdf", "<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Equal("Upload.NotWhatItSays", refused.Key);
        Assert.Equal("“notice.pdf” does not contain a PDF, Word or Excel file; it was not stored.", refused.Message);
        Assert.Equal(0, Documents());
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AnEmptyFile_IsRefused_AndNothingIsStored()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Upload("notice.pdf", []));
        Assert.Equal("File.Empty", refused.Key);
        Assert.Equal((0, 0), (Documents(), StoredFiles()));
    }

    [Fact]
    public async Task AZipBombNamedDocx_IsRefused_AndNothingIsStored()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) await writer.WriteAsync("<w:document/>");
            // 300 MB of zeros packs into a few hundred KB.
            using var big = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++) await big.WriteAsync(zeros);
        }
        var refused = await Assert.ThrowsAsync<DomainException>(() => Upload("plan.docx", bomb.ToArray()));
        Assert.Equal("Upload.ArchiveTooLarge", refused.Key);
        Assert.Equal((0, 0), (Documents(), StoredFiles()));
    }

    [Fact]
    public async Task ARenamedZip_WithoutAWordDocument_IsRefused()
    {
        var other = new MemoryStream();
        using (var zip = new ZipArchive(other, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("index.html").Open())) await writer.WriteAsync("<html/>");
        Assert.Equal("Upload.NotWhatItSays", (await Assert.ThrowsAsync<DomainException>(() => Upload("plan.docx", other.ToArray()))).Key);
        // A real PDF named .docx is not what it says either.
        Assert.Equal("Upload.NotWhatItSays", (await Assert.ThrowsAsync<DomainException>(() => Upload("plan.docx", "%PDF-1.4\n"u8.ToArray()))).Key);
        Assert.Equal((0, 0), (Documents(), StoredFiles()));
    }

    [Fact]
    public async Task ARealSmallPdf_AndAWordFile_AreAccepted()
    {
        const string pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        await Upload("notice.pdf", System.Text.Encoding.ASCII.GetBytes(pdf));
        var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) await writer.WriteAsync("<w:document/>");
        await _service.AttachDocumentAsync(_sponsor, _filingId, DocumentKind.TrainingPlan, "plan.docx", docx.Length, new MemoryStream(docx.ToArray()));
        byte[] ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        await Upload("budget.xls", ole2);
        Assert.Equal(3, Documents());
        Assert.Equal(3, StoredFiles());
    }
}
