namespace BidPortal.Web.Features.Awards;

/// <summary>One institution on the published shortlist, in recommended order (<paramref name="Position"/> 1 is the first).</summary>
public sealed record AwardChoice(int ProposalId, int Position, string Institution, int Rank, decimal Score, decimal Price);
