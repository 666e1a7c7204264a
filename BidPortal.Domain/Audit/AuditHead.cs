
namespace BidPortal.Domain.Audit;

/// <summary>The last entry of the chain: its sequence and hash.</summary>
public sealed record AuditHead(long Sequence, string Hash);
