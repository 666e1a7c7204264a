namespace BidPortal.Web.Features.Filings;

/// <summary>An id and its name in the reader's language, for a select list.</summary>
public sealed record NamedOption(int Id, string Name);
