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
        var labelWidth = Math.Min(ContentWidth * 0.36, bars.Max(b => TextLines.Width(Gfx, _bodyFont, b.Label)) + 20);
        var valueWidth = bars.Max(b => TextLines.Width(Gfx, _labelFont, b.ValueText)) + 12;
        var barArea = ContentWidth - labelWidth - valueWidth;
        labelWidth -= 6; // a gap between the name and its bar
        var barLeft = Left + labelWidth + 6;
        var max = bars.Max(b => b.Value);
        Need((line + 6) * Math.Min(bars.Count, 4));
        foreach (var bar in bars)
        {
            // A long name wraps in its column; the bar and its figure sit on the first line.
            var labels = TextLines.Wrap(Gfx, _bodyFont, bar.Label, labelWidth - 14);
            var rowHeight = Math.Max(labels.Count * line, line + 2) + 6;
            Need(rowHeight);
            var y = _y + 3;
            foreach (var label in labels)
            {
                Gfx.DrawString(label, _bodyFont, Ink, new XPoint(Left, y), XStringFormats.TopLeft);
                y += line;
            }
            var x = barLeft;
            Gfx.DrawRectangle(TrackFill, new XRect(x, _y + 2, barArea, line + 2));
            var length = max <= 0 ? 0 : barArea * Math.Max(0, bar.Value) / max;
            if (length > 0) Gfx.DrawRectangle(BarFill, new XRect(x, _y + 2, Math.Max(length, 1.5), line + 2));
            Gfx.DrawString(bar.ValueText, _labelFont, Ink, new XPoint(x + length + 4, _y + 3), XStringFormats.TopLeft);
            _y += rowHeight;
        }
        _y += BlockGap;
    }
}
