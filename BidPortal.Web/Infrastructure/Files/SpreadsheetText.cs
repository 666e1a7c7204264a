namespace BidPortal.Web.Infrastructure.Files;

/// <summary>
/// Text that people typed, on its way into a spreadsheet. A cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c> or <c>@</c> (or a tab or carriage return before one) is a formula to Excel once someone edits
/// it or saves the sheet as CSV; a leading apostrophe keeps it text, as Excel itself does.
/// </summary>
public static class SpreadsheetText
{
    public static string Safe(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
