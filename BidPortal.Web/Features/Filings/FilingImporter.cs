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
        try
        {
            rows = await ReadAsync(content, fileName, ct);
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
        if (missing.Count > 0) return Failed(1, text["Import.MissingColumns", string.Join(", ", missing)]);

        await using var db = await contexts.CreateForAsync(actor, ct);
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct);
        var units = await db.SponsorUnits.ToDictionaryAsync(u => u.Code, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportError>();
        var filings = new List<Filing>();
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2;
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

    private static async Task<List<Dictionary<string, string>>> ReadAsync(Stream content, string fileName, CancellationToken ct)
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
        buffer.Position = 0;
        // Query is lazy: rows are taken one by one and the read stops at the limit, whatever the sheet claims.
        var rows = new List<Dictionary<string, string>>();
        foreach (var r in buffer.Query(useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>())
        {
            ct.ThrowIfCancellationRequested();
            if (rows.Count == MaxRows) throw new ImportRefusedException(ImportRefusal.TooManyRows);
            rows.Add(r.ToDictionary(kv => kv.Key.Trim().TrimStart('\uFEFF'), kv => Cell(kv.Value), StringComparer.OrdinalIgnoreCase));
        }
        return rows;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    private static Theme? ParseTheme(string value) => value.Trim() switch
    {
        "经济管理" => Theme.EconomicManagement,
        "社会管理" => Theme.SocialManagement,
        "执行力提升" or "执行能力" => Theme.ExecutionCapacity,
        var v when Enum.TryParse<Theme>(v.Replace(" ", ""), ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(v, out _) => t,
        _ => null,
    };

    private int Int(Dictionary<string, string> row, string column, List<string> problems)
    {
        if (int.TryParse(row[column], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d)) return (int)d;
        problems.Add(text["Import.BadNumber", text[$"Import.Column.{column}"], row[column]]);
        return 0;
    }

    private decimal Money(Dictionary<string, string> row, string column, List<string> problems)
    {
        if (decimal.TryParse(row[column].Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add(text["Import.BadNumber", text[$"Import.Column.{column}"], row[column]]);
        return 0;
    }

    private DateOnly Date(Dictionary<string, string> row, string column, List<string> problems)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];
        if (DateOnly.TryParseExact(row[column].Split(' ')[0], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
        problems.Add(text["Import.BadDate", text[$"Import.Column.{column}"], row[column]]);
        return default;
    }

    private bool Bool(Dictionary<string, string> row, string column, List<string> problems)
    {
        switch (row[column].Trim().ToLowerInvariant())
        {
            case "" or "否" or "no" or "n" or "false" or "0": return false;
            case "是" or "yes" or "y" or "true" or "1": return true;
            default:
                problems.Add(text["Import.BadYesNo", text[$"Import.Column.{column}"], row[column]]);
                return false;
        }
    }

    /// <summary>The template: the header row alone, for Excel.</summary>
    public static byte[] TemplateXlsx()
    {
        var table = new DataTable("filings");
        foreach (var column in Columns) table.Columns.Add(column, typeof(string));
        var stream = new MemoryStream();
        stream.SaveAs(table);
        return stream.ToArray();
    }

    public static byte[] TemplateCsv() =>
        [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(string.Join(",", Columns) + "\r\n")];
}
