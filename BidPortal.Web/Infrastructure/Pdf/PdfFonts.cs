using PdfSharp.Fonts;

namespace BidPortal.Web.Infrastructure.Pdf;

/// <summary>PDFsharp's font resolver is process-wide and may be set only once: this sets it, once.</summary>
public static class PdfFonts
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new PortalFontResolver();
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
