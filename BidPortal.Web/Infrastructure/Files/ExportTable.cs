using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace BidPortal.Web.Infrastructure.Files;

/// <summary>
/// One sheet of an export: headers and rows whose cells are text, numbers or empty. Written as CSV (UTF-8
/// with a BOM, so Excel reads the Chinese) or as Excel; every text cell, headers included, goes through
/// <see cref="SpreadsheetText.Safe"/>. Numbers stay numbers in Excel and are written as plain figures in CSV.
/// </summary>
public sealed record ExportTable(string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(h => Quote(SpreadsheetText.Safe(h)))).Append("\r\n");
        foreach (var row in Rows) text.AppendJoin(',', row.Select(CsvCell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx()
    {
        var headers = UniqueHeaders();
        var rows = Rows.Select(row => headers.Zip(row).ToDictionary(x => x.First, x => x.Second switch
        {
            string s => SpreadsheetText.Safe(s),
            var value => value,
        })).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [SheetName] = rows });
        return stream.ToArray();
    }

    /// <summary>Excel columns are keyed by header: two criteria of the same name get "(2)" on the second.</summary>
    private List<string> UniqueHeaders()
    {
        var seen = new HashSet<string>();
        return [.. Headers.Select(h =>
        {
            var safe = SpreadsheetText.Safe(h);
            var name = safe;
            for (var n = 2; !seen.Add(name); n++) name = $"{safe} ({n})";
            return name;
        })];
    }

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        string s => Quote(SpreadsheetText.Safe(s)),
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => Quote(SpreadsheetText.Safe(other.ToString() ?? "")),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
