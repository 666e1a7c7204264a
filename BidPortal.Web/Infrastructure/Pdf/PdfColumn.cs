namespace BidPortal.Web.Infrastructure.Pdf;

/// <param name="Width">The column's relative share of the page width.</param>
/// <param name="AlignRight">For figures: money, counts, dates.</param>
public sealed record PdfColumn(string Header, double Width, bool AlignRight = false);
