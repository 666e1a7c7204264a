namespace BidPortal.Domain.Evaluation;

/// <summary>A place on a finalised shortlist, in recommended order.</summary>
public sealed class ShortlistEntry
{
    public int Id { get; private set; }
    public int TenderProjectId { get; private set; }
    public int ProposalId { get; private set; }
    public int Position { get; private set; }
    public int Rank { get; private set; }
    /// <summary>Unrounded panel score; pages and the PDF round it the same way.</summary>
    public decimal Score { get; private set; }
    public decimal Price { get; private set; }

    private ShortlistEntry() { }

    internal ShortlistEntry(int proposalId, int position, int rank, decimal score, decimal price)
    {
        ProposalId = proposalId;
        Position = position;
        Rank = rank;
        Score = score;
        Price = price;
    }
}
