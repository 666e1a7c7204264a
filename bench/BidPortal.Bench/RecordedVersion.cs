namespace BidPortal.Bench;

/// <summary>A proposal version as the database holds it after the run.</summary>
public sealed record RecordedVersion(int Id, int Number, long Size, string Sha256, string StorageKey, DateTimeOffset ReceivedAt, string Institution);
