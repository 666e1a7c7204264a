using PdfSharp.Fonts;

namespace BidPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Gives PDFsharp the one font the portal carries, WenQuanYi Micro Hei, for every family asked:
/// it has Chinese and Latin glyphs, so a document in either language (or both) needs no other.
/// Bold is simulated, as the font has no bold face.
/// </summary>
public sealed class PortalFontResolver : IFontResolver
{
    public const string Family = "WenQuanYi Micro Hei";
    private const string Face = "wqy-microhei";
    private const string Resource = "BidPortal.Web.Fonts.wqy-microhei.ttf";

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(PortalFontResolver).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The font resource {Resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[] GetFont(string faceName) => Bytes.Value;
}
