namespace BidPortal.Bench;

/// <summary>What one client saw of one upload: the status and receipt, or the refusal's key and message.</summary>
public sealed record UploadOutcome(string Login, int Status, TimeSpan Elapsed, string? SentSha256, long SentSize,
    int? VersionId, string? ReceiptSha256, long? ReceiptSize, string? Key, string? Message)
{
    public bool Accepted => Status == 200 && VersionId is not null;
}
