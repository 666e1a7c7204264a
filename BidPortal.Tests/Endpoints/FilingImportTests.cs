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
        Assert.Equal([(2, "PlannedStart “2026-13-01” is not a date (use 2026-05-11)"), (4, "Unknown unit code “XXX”")],
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
        Assert.Equal((1, "Missing columns: Theme, TargetTrainees, Headcount, Days, PlannedStart, PlannedEnd, Place, Budget, Objectives, CrossUnit, MajorTopic"),
            (missing.Errors.Single().Row, missing.Errors.Single().Message));
        var garbage = await _importer.ImportAsync(Organizer, new MemoryStream("not a zip file"u8.ToArray()), "f.xlsx");
        Assert.Equal("The file cannot be read: use the template's .xlsx or .csv format.", garbage.Errors.Single().Message);
        var pdf = await _importer.ImportAsync(Organizer, new MemoryStream("%PDF"u8.ToArray()), "f.pdf");
        Assert.False(pdf.Succeeded);
        Assert.Equal(0, StoredFilings());
    }

    [Fact]
    public async Task Templates_HaveExactlyTheImportColumns_AndImportCleanlyOnceFilled()
    {
        var csv = Encoding.UTF8.GetString(FilingImporter.TemplateCsv()).TrimStart('\uFEFF').Trim();
        Assert.Equal(Header, csv);
        var xlsxHeader = new MemoryStream(FilingImporter.TemplateXlsx()).Query(useHeaderRow: false).Cast<IDictionary<string, object>>().First();
        Assert.Equal(FilingImporter.Columns, xlsxHeader.Values.Select(v => v.ToString()));
        Assert.True((await ImportCsv(Row())).Succeeded);
    }

    public void Dispose() => _database.Dispose();
}
