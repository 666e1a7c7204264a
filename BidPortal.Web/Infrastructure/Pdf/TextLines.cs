using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace BidPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Breaks text into lines that fit a width. Chinese has no spaces, so a line may break between any
/// two CJK characters; Latin words break at spaces, and a word longer than the line is cut.
/// </summary>
internal static class TextLines
{
    public static List<string> Wrap(XGraphics gfx, XFont font, string text, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            // Widths add up (advance widths, no kerning): the line's width is kept as it grows, so each
            // token is measured once rather than the whole line again for every character.
            double lineWidth = 0;
            foreach (var token in Tokens(paragraph))
            {
                var tokenWidth = Width(gfx, font, token);
                var visible = token.TrimEnd();
                var visibleWidth = visible.Length == token.Length ? tokenWidth : Width(gfx, font, visible);
                // A closing mark (、，。）」…) never starts a line: it hangs at the end of the one it closes.
                if (line.Length == 0 || visible.Length == 0 || lineWidth + visibleWidth <= width || IsClosing(visible))
                {
                    if (line.Length == 0 && tokenWidth > width)
                    {
                        // A single run longer than the line (a URL, a hash): cut it by characters.
                        foreach (var piece in Cut(gfx, font, token, width, lines)) line.Append(piece);
                        lineWidth = Width(gfx, font, line.ToString());
                        continue;
                    }
                    line.Append(token);
                    lineWidth += tokenWidth;
                    continue;
                }
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (tokenWidth > width)
                {
                    foreach (var piece in Cut(gfx, font, token.TrimStart(), width, lines)) line.Append(piece);
                }
                else
                {
                    line.Append(token.TrimStart());
                }
                lineWidth = Width(gfx, font, line.ToString());
            }
            lines.Add(line.ToString().TrimEnd());
        }
        return lines;
    }

    public static double Width(XGraphics gfx, XFont font, string text) =>
        text.Length == 0 ? 0 : gfx.MeasureString(text, font).Width;

    /// <summary>Adds whole lines of <paramref name="token"/> to <paramref name="lines"/>; returns the rest.</summary>
    private static IEnumerable<string> Cut(XGraphics gfx, XFont font, string token, double width, List<string> lines)
    {
        var piece = new StringBuilder();
        foreach (var element in Elements(token))
        {
            if (piece.Length > 0 && Width(gfx, font, piece + element) > width)
            {
                lines.Add(piece.ToString());
                piece.Clear();
            }
            piece.Append(element);
        }
        yield return piece.ToString();
    }

    /// <summary>Each CJK character is a token of its own; a Latin word keeps its trailing spaces.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var element in Elements(text))
        {
            if (IsCjk(element))
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
                yield return element;
            }
            else if (element == " ")
            {
                word.Append(element);
                yield return word.ToString();
                word.Clear();
            }
            else
            {
                word.Append(element);
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private static IEnumerable<string> Elements(string text)
    {
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) yield return e.GetTextElement();
    }

    /// <summary>Chinese punctuation that closes what precedes it, so it may not begin a line.</summary>
    private static bool IsClosing(string token) => token.Length == 1 && "、，。；：！？）」』》〉】”’".Contains(token[0], StringComparison.Ordinal);

    private static bool IsCjk(string element)
    {
        var c = element[0];
        return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF || c >= 0x3000 && c <= 0x303F;
    }
}
