namespace BidPortal.Web.Infrastructure.Pdf;

/// <summary>One bar of a horizontal bar chart: its name, its length and the figure written beside it.</summary>
public sealed record PdfBar(string Label, double Value, string ValueText, bool OffScale = false);
