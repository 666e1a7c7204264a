using PdfSharp.Drawing;

namespace BidPortal.Web.Infrastructure.Pdf;

public sealed partial class PdfReport
{
    private static readonly XSolidBrush BarFill = new(XColor.FromArgb(0x3F, 0x6E, 0xB5));
    private static readonly XSolidBrush TrackFill = new(XColor.FromArgb(0xF0, 0xF2, 0xF5));

    /// <summary>
    /// A horizontal bar chart drawn as vectors: each bar's name on the left, the bar proportional to the
    /// largest value, and its figure as text right after it — every number stays readable and extractable.
    /// </summary>
    public void HorizontalBars(IReadOnlyList<PdfBar> bars)
    {
        if (bars.Count == 0) return;
        var line = LineHeight(_bodyFont);
        var labelWidth = Math.Min(ContentWidth * 0.36, bars.Max(b => TextLines.Width(Gfx, _bodyFont, b.Label)) + 14);
        var valueWidth = bars.Max(b => TextLines.Width(Gfx, _bodyFont, b.ValueText)) + 8;
        var barArea = ContentWidth - labelWidth - valueWidth;
        var max = bars.Max(b => b.Value);
        var rowHeight = line + 6;
        Need(rowHeight * Math.Min(bars.Count, 4));
        foreach (var bar in bars)
        {
            Need(rowHeight);
            var label = TextLines.Wrap(Gfx, _bodyFont, bar.Label, labelWidth - 14)[0];
            Gfx.DrawString(label, _bodyFont, Ink, new XPoint(Left, _y + 3), XStringFormats.TopLeft);
            var x = Left + labelWidth;
            Gfx.DrawRectangle(TrackFill, new XRect(x, _y + 2, barArea, line + 2));
            var length = max <= 0 ? 0 : barArea * Math.Max(0, bar.Value) / max;
            if (length > 0) Gfx.DrawRectangle(BarFill, new XRect(x, _y + 2, Math.Max(length, 1.5), line + 2));
            Gfx.DrawString(bar.ValueText, _labelFont, Ink, new XPoint(x + length + 4, _y + 3), XStringFormats.TopLeft);
            _y += rowHeight;
        }
        _y += BlockGap;
    }
}
