namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// A bidding institution on the declaration form, by name and alphabetically — never by letter, so blind
/// mode's letters are not given away. The id is what the declaration sends back; it is not shown.
/// </summary>
public sealed record Bidder(int ProposalId, string Institution);
