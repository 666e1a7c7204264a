namespace BidPortal.Web.Features.Filings;

/// <summary>A bad row of an import, by its number in the sheet (the header is row 1).</summary>
public sealed record ImportError(int Row, string Message);
