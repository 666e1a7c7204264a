namespace BidPortal.Web.Features.Filings;

/// <summary>What a bulk approval did: how many were approved, and each filing it left as it was, with why.</summary>
public sealed record BulkApproval(int Approved, IReadOnlyList<BulkApproval.Skipped> Left)
{
    public sealed record Skipped(string Title, string Reason);
}
