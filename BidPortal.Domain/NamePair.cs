namespace BidPortal.Domain;

/// <summary>
/// A name kept in both languages (a criterion, an institution) given to a message: the catalog
/// writes the one the reader reads, so an English refusal never quotes the Chinese name.
/// </summary>
public sealed record NamePair(string Chinese, string English)
{
    public override string ToString() => Chinese;
}
