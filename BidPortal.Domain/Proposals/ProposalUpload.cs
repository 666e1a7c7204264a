namespace BidPortal.Domain.Proposals;

/// <summary>
/// The structured part of an upload: the sealed file's facts (its generated storage key and its
/// wrapped key) and the fields the institution fills beside it.
/// </summary>
public sealed record ProposalUpload(
    string FileName, long Size, string Sha256, string? StorageKey,
    decimal Price, int Days, string Faculty, string CourseOutline,
    int Trainees = 0, string? WrappedKey = null);
