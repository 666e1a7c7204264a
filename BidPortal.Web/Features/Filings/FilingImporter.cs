using System.Data;
using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using BidPortal.Web.Infrastructure;
using MiniExcelLibs;

namespace BidPortal.Web.Features.Filings;

/// <summary>
/// The organizer's import of filings from .xlsx or .csv in the published template. Every row is
/// checked first, by the same rules as the form; if one row is bad nothing is imported, and each
/// bad row is named by its number in the sheet (the header is row 1).
/// </summary>
public sealed class FilingImporter(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock, IStringLocalizer<FilingImporter> text)
{
    public static readonly string[] Columns =
        ["UnitCode", "Title", "Theme", "TargetTrainees", "Headcount", "Days", "PlannedStart", "PlannedEnd", "Place", "Budget", "Objectives", "CrossUnit", "MajorTopic"];

    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>More data rows than this and the file is refused whole.</summary>
    public const int MaxRows = 2_000;

    /// <summary>Imports into the campaign that takes filings now; the organizer only, checked here.</summary>
    public async Task<ImportResult> ImportAsync(Actor actor, Stream content, string fileName, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanReviewFilings(actor));
        int campaignId;
        await using (var lookup = await contexts.CreateDbContextAsync(ct))
        {
            if (await OpenCampaign.FindAsync(lookup) is not { } open) return Failed(1, text["Filing.NoOpenCampaign"]);
            campaignId = open.Id;
        }
        List<Dictionary<string, string>> rows;
        int commentLines;
        try
        {
            (rows, commentLines) = await ReadAsync(content, fileName, ct);
        }
        catch (ImportRefusedException e)
        {
            return Failed(1, e.Reason switch
            {
                ImportRefusal.TooManyRows => text["Import.TooManyRows", MaxRows],
                ImportRefusal.TooLarge => text["Upload.TooLarge", fileName, MaxBytes / 1024 / 1024],
                ImportRefusal.Doctype => text["Import.Doctype"],
                ImportRefusal.NotXlsxOrCsv => text["Import.NotXlsxOrCsv"],
                _ => text["Import.Unreadable"],
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a broken or hostile file makes a reader throw, the organizer gets a message and nothing is imported.
            return Failed(1, text["Import.Unreadable"]);
        }
        if (rows.Count == 0) return Failed(1, text["Import.Empty"]);
        var missing = Columns.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return Failed(1, text["Import.MissingColumns", string.Join(Language.IsChinese(Language.Reader) ? "、" : ", ",
            missing.Select(c => text[$"Import.Header.{c}"].Value))]);

        await using var db = await contexts.CreateForAsync(actor, ct);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct);
        var units = await db.SponsorUnits.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        var filings = new List<Filing>();
        for (var i = 0; i < rows.Count; i++)
        {
            // The sheet's own row number: the header is row 1, after any comment lines of a CSV template.
            var rowNumber = i + 2 + commentLines;
            var row = rows[i];
            if (row.Values.All(string.IsNullOrWhiteSpace)) continue;
            var problems = new List<string>();
            if (!units.TryGetValue(row["UnitCode"].Trim(), out var unit)) problems.Add(text["Import.UnknownUnit", row["UnitCode"]]);
            var theme = ParseTheme(row["Theme"]);
            if (theme is null) problems.Add(text["Import.BadTheme", row["Theme"]]);
            var headcount = Int(row, "Headcount", problems);
            var days = Int(row, "Days", problems);
            var start = Date(row, "PlannedStart", problems);
            var end = Date(row, "PlannedEnd", problems);
            var budget = Money(row, "Budget", problems);
            var cross = Bool(row, "CrossUnit", problems);
            var major = Bool(row, "MajorTopic", problems);
            if (problems.Count == 0)
            {
                try
                {
                    var filing = new Filing(campaign, unit!, new FilingDetails(row["Title"], theme!.Value, row["TargetTrainees"], headcount, days,
                        start, end, row["Place"], budget, row["Objectives"], cross, major), clock);
                    filing.Submit(clock);
                    filings.Add(filing);
                }
                catch (DomainException e)
                {
                    problems.Add(e.Message);
                }
            }
            errors.AddRange(problems.Select(p => new ImportError(rowNumber, p)));
        }
        if (errors.Count == 0 && filings.Count == 0) return Failed(1, text["Import.Empty"]);
        if (errors.Count > 0) return new ImportResult(0, errors);

        db.Filings.AddRange(filings);
        await db.SaveChangesAsync(ct);
        return new ImportResult(filings.Count, []);
    }

    private static ImportResult Failed(int row, string message) => new(0, [new ImportError(row, message)]);

    private static async Task<(List<Dictionary<string, string>> Rows, int CommentLines)> ReadAsync(Stream content, string fileName, CancellationToken ct)
    {
        // Buffered (both readers want to seek, and the upload stream cannot), and never past MaxBytes.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new ImportRefusedException(ImportRefusal.TooLarge);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ExcelType.XLSX,
            ".csv" => ExcelType.CSV,
            _ => throw new ImportRefusedException(ImportRefusal.NotXlsxOrCsv),
        };
        if (type == ExcelType.XLSX) ImportFileCheck.CheckXlsx(buffer);
        else ImportFileCheck.CheckText(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var commentLines = 0;
        if (type == ExcelType.CSV) (buffer, commentLines) = WithoutLeadingComments(buffer);
        buffer.Position = 0;
        // Query is lazy: rows are taken one by one and the read stops at the limit, whatever the sheet claims.
        var rows = new List<Dictionary<string, string>>();
        foreach (var r in buffer.Query(useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>())
        {
            ct.ThrowIfCancellationRequested();
            if (rows.Count == MaxRows) throw new ImportRefusedException(ImportRefusal.TooManyRows);
            rows.Add(r.ToDictionary(kv => ColumnOf(kv.Key), kv => Cell(kv.Value), StringComparer.OrdinalIgnoreCase));
        }
        return (rows, commentLines);
    }

    /// <summary>
    /// A header in either template's language, or the column's own name ("UnitCode"), as the column
    /// it names; an unknown header stays as it is (and is then reported missing by its column).
    /// </summary>
    private static string ColumnOf(string header)
    {
        var key = Normalise(header);
        return HeaderColumns.GetValueOrDefault(key, key);
    }

    private static string Normalise(string header) =>
        new([.. header.TrimStart('\uFEFF').Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')' or '（' or '）'))]);

    private static readonly Dictionary<string, string> HeaderColumns = BuildHeaders();

    private static Dictionary<string, string> BuildHeaders()
    {
        var catalog = TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(FilingImporter).Assembly);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Columns)
        {
            headers.TryAdd(column, column);
            foreach (var culture in TextCatalog.Cultures)
                headers.TryAdd(Normalise(catalog.Get($"Import.Header.{column}", new CultureInfo(culture))), column);
        }
        return headers;
    }

    /// <summary>The CSV template opens with "#" lines (the unit codes); they are skipped, and counted for the row numbers.</summary>
    private static (MemoryStream Content, int Lines) WithoutLeadingComments(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var start = bytes.StartsWith(System.Text.Encoding.UTF8.Preamble) ? System.Text.Encoding.UTF8.Preamble.Length : 0;
        var lines = 0;
        while (start < bytes.Length && bytes[start] == (byte)'#')
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            start = end < 0 ? bytes.Length : start + end + 1;
            lines++;
        }
        return lines == 0 ? (buffer, 0) : (new MemoryStream(bytes[start..].ToArray()), lines);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>A theme by its name in either language (as the catalog has it), its older Chinese name, or its program name.</summary>
    private static Theme? ParseTheme(string value) => value.Trim() switch
    {
        var v when ThemeNames.TryGetValue(v, out var named) => named,
        "执行能力" or "执行力提升" => Theme.ExecutionCapacity,
        var v when Enum.TryParse<Theme>(v.Replace(" ", ""), ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(v, out _) => t,
        _ => null,
    };

    private static readonly Dictionary<string, Theme> ThemeNames = Enum.GetValues<Theme>()
        .SelectMany(t => TextCatalog.Cultures.Select(c => (Name: TextCatalog.Domain.EnumText(t, new CultureInfo(c)), Theme: t)))
        .DistinctBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(x => x.Name, x => x.Theme, StringComparer.OrdinalIgnoreCase);

    private int Int(Dictionary<string, string> row, string column, List<string> problems)
    {
        if (int.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d)) return (int)d;
        problems.Add(text["Import.BadNumber", text[$"Import.Header.{column}"], row[column]]);
        return 0;
    }

    private decimal Money(Dictionary<string, string> row, string column, List<string> problems)
    {
        if (decimal.TryParse(row[column].Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add(text["Import.BadNumber", text[$"Import.Header.{column}"], row[column]]);
        return 0;
    }

    private DateOnly Date(Dictionary<string, string> row, string column, List<string> problems)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];
        if (DateOnly.TryParseExact(row[column].Split(' ')[0], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        problems.Add(text["Import.BadDate", text[$"Import.Header.{column}"], row[column]]);
        return default;
    }

    private bool Bool(Dictionary<string, string> row, string column, List<string> problems)
    {
        switch (row[column].Trim().ToLowerInvariant())
        {
            case "" or "否" or "no" or "n" or "false" or "0": return false;
            case "是" or "yes" or "y" or "true" or "1": return true;
            default:
                problems.Add(text["Import.BadYesNo", text[$"Import.Header.{column}"], row[column]]);
                return false;
        }
    }

    /// <summary>
    /// The template in the reader's language: the header row alone on the first sheet, and the
    /// sponsoring units' codes with their names on a second sheet ("单位代码" / "Unit codes").
    /// </summary>
    public async Task<byte[]> TemplateXlsxAsync(Actor actor, CancellationToken ct = default)
    {
        var culture = Language.Reader;
        var units = await UnitCodesAsync(actor, culture, ct);
        var filings = new DataTable(text["Import.Sheet.Filings"]);
        foreach (var column in Columns) filings.Columns.Add(text[$"Import.Header.{column}"], typeof(string));
        var codes = new DataTable(text["Import.Sheet.Units"]);
        codes.Columns.Add(text["Import.Header.UnitCode"], typeof(string));
        codes.Columns.Add(text["Import.UnitName"], typeof(string));
        foreach (var (code, name) in units) codes.Rows.Add(code, name);
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [filings.TableName] = filings, [codes.TableName] = codes });
        return stream.ToArray();
    }

    /// <summary>
    /// The CSV template: "#" comment lines naming each unit code (skipped on import), then the
    /// header row in the reader's language.
    /// </summary>
    public async Task<byte[]> TemplateCsvAsync(Actor actor, CancellationToken ct = default)
    {
        var culture = Language.Reader;
        var units = await UnitCodesAsync(actor, culture, ct);
        var lines = new List<string> { "# " + text["Import.CsvComment"] };
        lines.AddRange(units.Select(u => $"# {u.Code} {u.Name}"));
        lines.Add(string.Join(",", Columns.Select(c => text[$"Import.Header.{c}"].Value)));
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
    }

    private async Task<List<(string Code, string Name)>> UnitCodesAsync(Actor actor, CultureInfo culture, CancellationToken ct)
    {
        AccessPolicy.Demand(AccessPolicy.CanReviewFilings(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var units = await db.SponsorUnits.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(ct);
        // Names carry no commas into the CSV comment lines' look; the code is what the importer reads.
        return [.. units.Select(u => (u.Code, u.NameIn(culture)))];
    }
}
