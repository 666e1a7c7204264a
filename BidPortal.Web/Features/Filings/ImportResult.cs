namespace BidPortal.Web.Features.Filings;

/// <summary>An import's outcome: all rows imported, or none and every bad row named.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
