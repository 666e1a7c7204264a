namespace BidPortal.Web.Features.Consolidation;

/// <summary>What redrawing a draft project's list did: institutions listed and taken off, named in the reader's language.</summary>
public sealed record RetagResult(IReadOnlyList<string> Tags, IReadOnlyList<string> Added, IReadOnlyList<string> Dropped);
