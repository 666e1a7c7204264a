using PdfSharp.Drawing;

namespace BidPortal.Web.Infrastructure.Pdf;

public sealed partial class PdfReport
{
    private static readonly XSolidBrush BarFill = new(XColor.FromArgb(0x3F, 0x6E, 0xB5));
    private static readonly XPen BreakPen = new(XColors.White, 2.2);
    private static readonly XSolidBrush TrackFill = new(XColor.FromArgb(0xF0, 0xF2, 0xF5));

    /// <summary>
    /// A horizontal bar chart drawn as vectors: each bar's name on the left, the bar proportional to the
    /// largest value, and its figure as text right after it — every number stays readable and extractable.
    /// A bar of another unit (<see cref="PdfBar.OffScale"/>) stays out of the scale: the others keep their
    /// proportions within most of the width, and it runs past them, cut by a break mark, with its figure.
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
        var onScale = bars.Where(b => !b.OffScale).ToList();
        var max = onScale.Count == 0 ? 0 : onScale.Max(b => b.Value);
        var scaleArea = onScale.Count < bars.Count ? barArea * 0.8 : barArea;
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
            var length = bar.OffScale ? barArea : max <= 0 ? 0 : scaleArea * Math.Max(0, bar.Value) / max;
            if (length > 0) Gfx.DrawRectangle(BarFill, new XRect(x, _y + 2, Math.Max(length, 1.5), line + 2));
            if (bar.OffScale)
            {
                // The break: two slanted cuts of the page's colour just past the scale's longest bar.
                var cut = x + scaleArea + 6;
                foreach (var dx in new[] { 0.0, 4.5 })
                    Gfx.DrawLine(BreakPen, cut + dx, _y + line + 6, cut + dx + 5, _y - 2);
            }
            Gfx.DrawString(bar.ValueText, _labelFont, Ink, new XPoint(x + length + 4, _y + 3), XStringFormats.TopLeft);
            _y += rowHeight;
        }
        _y += BlockGap;
    }
}
