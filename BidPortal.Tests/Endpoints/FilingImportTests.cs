using System.Globalization;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Features.Filings;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace BidPortal.Tests.Endpoints;

/// <summary>Import of filings from CSV and Excel: all rows good, or nothing imported and every bad row named.</summary>
public sealed class FilingImportTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Build.Clock();
    private readonly TestDatabase _database;
    private readonly FilingImporter _importer;
    private readonly int _campaignId;
    private static readonly Actor Organizer = Actor.Of("organizer", Roles.Organizer);
    private const string Header = "UnitCode,Title,Theme,TargetTrainees,Headcount,Days,PlannedStart,PlannedEnd,Place,Budget,Objectives,CrossUnit,MajorTopic";

    public FilingImportTests()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        _database = new TestDatabase(_clock);
        var catalog = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(LocalizationSetup).Assembly);
        _importer = new FilingImporter(_database.Factory, _clock, new StringLocalizer<FilingImporter>(new CatalogLocalizerFactory(catalog)));
        using var db = _database.Create();
        var campaign = new Campaign(2026, "2026", "2026");
        campaign.OpenFiling();
        db.AddRange(campaign,
            new SponsorUnit("CZJ", "东营市财政局", "Finance Bureau", UnitKind.MunicipalDepartment, "finance"),
            new SponsorUnit("KLX", "垦利县", "Kenli County", UnitKind.County, "county"));
        db.SaveChanges();
        _campaignId = campaign.Id;
    }

    private static string Row(string unit = "CZJ", string title = "现代财政管理专题培训班", string theme = "经济管理", string headcount = "50",
        string start = "2026-06-01", string end = "2026-06-05", string budget = "150000", string cross = "否") =>
        $"{unit},{title},{theme},科级干部,{headcount},5,{start},{end},上海,{budget},提升能力,{cross},是";

    private Task<ImportResult> ImportCsv(params string[] rows) =>
        _importer.ImportAsync(Organizer, new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]))), "filings.csv");

    private int StoredFilings()
    {
        using var db = _database.Create();
        return db.Filings.Count();
    }

    [Fact]
    public async Task GoodCsv_ImportsEveryRow_AsSubmittedFilings()
    {
        var result = await ImportCsv(Row(), Row(unit: "KLX", theme: "SocialManagement"), Row(title: "预算绩效管理培训班", cross: "yes"));
        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Imported);
        using var db = _database.Create();
        Assert.All(db.Filings, f => Assert.Equal(FilingStatus.Submitted, f.Status));
        Assert.True(db.Filings.Single(f => f.Title == "预算绩效管理培训班").IsCrossUnit);
    }

    [Fact]
    public async Task OneBadRow_ImportsNothing_AndNamesTheRow()
    {
        var result = await ImportCsv(Row(), Row(headcount: "abc"), Row());
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal("Headcount “abc” is not a number", error.Message);
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task DomainRules_ApplyToImportedRows_Too()
    {
        var result = await ImportCsv(Row(start: "2026-06-05", end: "2026-06-01"), Row(headcount: "0"));
        Assert.Equal([(2, "The end date cannot be before the start date."), (3, "The headcount must be greater than zero.")],
            result.Errors.Select(e => (e.Row, e.Message)));
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task Excel_WithTwoBadRows_NamesBoth_AndImportsNothing()
    {
        var rows = new[]
        {
            Values("CZJ", "2026-13-01"),
            Values("CZJ", "2026-06-01"),
            Values("XXX", "2026-06-01"),
        };
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        stream.Position = 0;
        var result = await _importer.ImportAsync(Organizer, stream, "filings.xlsx");
        Assert.Equal([(2, "Planned start “2026-13-01” is not a date (use 2026-05-11)"), (4, "Unknown unit code “XXX”")],
            result.Errors.Select(e => (e.Row, e.Message)));
        Assert.Equal(0, StoredFilings());

        static Dictionary<string, object> Values(string unit, string start) => new()
        {
            ["UnitCode"] = unit, ["Title"] = "财政培训班", ["Theme"] = "经济管理", ["TargetTrainees"] = "科级干部", ["Headcount"] = 50,
            ["Days"] = 5, ["PlannedStart"] = start, ["PlannedEnd"] = "2026-06-05", ["Place"] = "上海", ["Budget"] = 150000,
            ["Objectives"] = "提升", ["CrossUnit"] = "否", ["MajorTopic"] = "是",
        };
    }

    [Fact]
    public async Task MissingColumns_AndUnreadableFiles_AreRefusedAtRowOne()
    {
        var missing = await _importer.ImportAsync(Organizer, new MemoryStream("UnitCode,Title\r\nCZJ,x"u8.ToArray()), "f.csv");
        Assert.Equal((1, "Missing columns: Theme, Target trainees, Headcount, Days, Planned start, Planned end, Place, Budget (CNY), Objectives, Cross-unit, Major topic"),
            (missing.Errors.Single().Row, missing.Errors.Single().Message));
        var garbage = await _importer.ImportAsync(Organizer, new MemoryStream("not a zip file"u8.ToArray()), "f.xlsx");
        Assert.Equal("The file cannot be read: use the template's .xlsx or .csv format.", garbage.Errors.Single().Message);
        var pdf = await _importer.ImportAsync(Organizer, new MemoryStream("%PDF"u8.ToArray()), "f.pdf");
        Assert.False(pdf.Succeeded);
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task Templates_InEnglish_HaveTheColumnsAsWords_TheUnitCodes_AndImportCleanlyOnceFilled()
    {
        var csv = Encoding.UTF8.GetString(await _importer.TemplateCsvAsync(Organizer)).TrimStart('\uFEFF');
        Assert.Contains("# CZJ Finance Bureau", csv);
        Assert.Contains("# KLX Kenli County", csv);
        Assert.EndsWith("Unit code,Title,Theme,Target trainees,Headcount,Days,Planned start,Planned end,Place,Budget (CNY),Objectives,Cross-unit,Major topic\r\n", csv);
        // Filled in as it comes: the comment lines are skipped, and a bad row is named by its line in the file.
        var filled = csv + Row() + "\r\n" + Row(headcount: "abc") + "\r\n";
        var result = await _importer.ImportAsync(Organizer, new MemoryStream(Encoding.UTF8.GetBytes(filled)), "filled.csv");
        var lineOfBadRow = filled.Split("\r\n").ToList().FindIndex(l => l.Contains(",abc,")) + 1;
        Assert.Equal([lineOfBadRow], result.Errors.Select(e => e.Row).Distinct());
        var good = await _importer.ImportAsync(Organizer, new MemoryStream(Encoding.UTF8.GetBytes(csv + Row() + "\r\n")), "filled.csv");
        Assert.Equal(1, good.Imported);
    }

    [Fact]
    public async Task Templates_InChinese_HaveChineseHeaders_AndTheUnitCodesOnASecondSheet()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var xlsx = await _importer.TemplateXlsxAsync(Organizer);
        Assert.Equal(["备案", "单位代码"], new MemoryStream(xlsx).GetSheetNames());
        var header = new MemoryStream(xlsx).Query(useHeaderRow: false).Cast<IDictionary<string, object>>().First();
        Assert.Equal(["单位代码", "培训项目名称", "培训主题", "培训对象", "培训人数", "培训天数", "计划开班日期", "计划结束日期", "培训地点", "经费预算（元）",
            "培训目标与内容", "跨单位", "重大专题"], header.Values.Select(v => v.ToString()));
        var units = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: "单位代码").Cast<IDictionary<string, object>>()
            .Select(r => (r["单位代码"]?.ToString(), r["单位名称"]?.ToString())).Order().ToList();
        Assert.Equal([("CZJ", "东营市财政局"), ("KLX", "垦利县")], units);
        var csv = Encoding.UTF8.GetString(await _importer.TemplateCsvAsync(Organizer));
        Assert.Contains("# CZJ 东营市财政局", csv);
        Assert.Contains("单位代码,培训项目名称,培训主题", csv);
    }

    [Fact]
    public async Task AFile_WithChineseHeaders_Imports()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        const string chinese = "单位代码,培训项目名称,培训主题,培训对象,培训人数,培训天数,计划开班日期,计划结束日期,培训地点,经费预算（元）,培训目标与内容,跨单位,重大专题";
        var rows = string.Join("\r\n", chinese, Row(), Row(unit: "KLX", theme: "Social management"));
        var result = await _importer.ImportAsync(Organizer, new MemoryStream(Encoding.UTF8.GetBytes(rows)), "中文表头.csv");
        Assert.Equal((2, 0), (result.Imported, result.Errors.Count));
        using var db = _database.Create();
        Assert.Equal([Theme.EconomicManagement, Theme.SocialManagement], db.Filings.OrderBy(f => f.Id).Select(f => f.Theme).ToList());
    }

    // ---- Hostile files: each answered with a message, none imported ----

    private static Dictionary<string, object> GoodValues() => new()
    {
        ["UnitCode"] = "CZJ", ["Title"] = "财政培训班", ["Theme"] = "经济管理", ["TargetTrainees"] = "科级干部", ["Headcount"] = 50,
        ["Days"] = 5, ["PlannedStart"] = "2026-06-01", ["PlannedEnd"] = "2026-06-05", ["Place"] = "上海", ["Budget"] = 150000,
        ["Objectives"] = "提升", ["CrossUnit"] = "否", ["MajorTopic"] = "是",
    };

    private static byte[] Xlsx(int rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(Enumerable.Range(0, rows).Select(_ => GoodValues()));
        return stream.ToArray();
    }

    /// <summary>An xlsx whose sheet XML is changed by <paramref name="change"/>, written back with System.IO.Compression.</summary>
    private static byte[] WithSheet(byte[] xlsx, Func<string, string> change)
    {
        var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            var changed = change(xml);
            Assert.NotEqual(xml, changed);
            writer.Write(changed);
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task ATruncatedXlsx_IsAnsweredWithAMessage_AndImportsNothing()
    {
        var whole = Xlsx(3);
        var result = await _importer.ImportAsync(Organizer, new MemoryStream(whole[..(whole.Length / 2)]), "filings.xlsx");
        Assert.Equal((1, "The file cannot be read: use the template's .xlsx or .csv format."), (result.Errors.Single().Row, result.Errors.Single().Message));
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task AnXlsxOrCsv_WithADoctype_IsRefused_AndImportsNothing()
    {
        var xlsx = WithSheet(Xlsx(1), xml => xml.Replace("?>", "?><!DOCTYPE lol [<!ENTITY lol \"lol\">]>", StringComparison.Ordinal));
        var fromXlsx = await _importer.ImportAsync(Organizer, new MemoryStream(xlsx), "filings.xlsx");
        Assert.StartsWith("The file contains an XML DOCTYPE", fromXlsx.Errors.Single().Message, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetBytes($"<!DOCTYPE x [<!ENTITY a \"b\">]>\r\n{Header}\r\n{Row()}");
        var fromCsv = await _importer.ImportAsync(Organizer, new MemoryStream(csv), "filings.csv");
        Assert.StartsWith("The file contains an XML DOCTYPE", fromCsv.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task OneRowAtTheLastRowOfTheSheet_IsRefusedQuickly_WithoutAMillionRowsInMemory()
    {
        var xlsx = WithSheet(Xlsx(1), xml => System.Text.RegularExpressions.Regex.Replace(
            xml.Replace("<x:row r=\"2\"", "<x:row r=\"1048576\"", StringComparison.Ordinal).Replace("<row r=\"2\"", "<row r=\"1048576\"", StringComparison.Ordinal),
            "r=\"([A-Z]+)2\"", "r=\"${1}1048576\"").Replace(":M2\"", ":M1048576\"", StringComparison.Ordinal));
        Assert.True(xlsx.Length < 16 * 1024);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
        using (var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()))
        {
            var xml = sheet.ReadToEnd();
            Assert.Contains("r=\"1048576\"", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("r=\"2\"", xml, StringComparison.Ordinal);
        }
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = System.Diagnostics.Process.GetCurrentProcess().WorkingSet64;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await _importer.ImportAsync(Organizer, new MemoryStream(xlsx), "filings.xlsx");
        watch.Stop();
        var grown = GC.GetTotalMemory(forceFullCollection: false) - before;
        var workingSetGrown = System.Diagnostics.Process.GetCurrentProcess().WorkingSet64 - workingSetBefore;
        Assert.Equal($"The file has more than {FilingImporter.MaxRows} rows; nothing was imported. Import it in parts.", result.Errors.Single().Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(grown < 100L * 1024 * 1024, $"managed memory grew by {grown / 1024 / 1024} MB");
        Assert.True(workingSetGrown < 100L * 1024 * 1024, $"working set grew by {workingSetGrown / 1024 / 1024} MB");
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task MoreRowsThanTheLimit_AreRefused_AndExactlyTheLimitIsNot()
    {
        var tooMany = await ImportCsv([.. Enumerable.Repeat(Row(), FilingImporter.MaxRows + 1)]);
        Assert.Equal($"The file has more than {FilingImporter.MaxRows} rows; nothing was imported. Import it in parts.", tooMany.Errors.Single().Message);
        Assert.Equal(0, StoredFilings());
        var atTheLimit = await ImportCsv([.. Enumerable.Repeat(Row(), FilingImporter.MaxRows)]);
        Assert.Equal(FilingImporter.MaxRows, atTheLimit.Imported);
    }

    [Theory]
    [InlineData("9999-12-20", "9999-12-24", "Dates must fall between 2000-01-01 and 2100-12-31.")]
    [InlineData("2026-06-01", "2026-06-05", "“place” is too long: at most 200 characters.")]
    public async Task ImportedRows_MeetTheSameBounds(string start, string end, string message)
    {
        var row = Row(start: start, end: end);
        if (start.StartsWith("2026", StringComparison.Ordinal)) row = row.Replace(",上海,", $",{new string('地', 250)},", StringComparison.Ordinal);
        var result = await ImportCsv(row);
        Assert.Equal((2, message), (result.Errors.Single().Row, result.Errors.Single().Message));
        Assert.Equal(0, StoredFilings());
    }

    public void Dispose() => _database.Dispose();
}
