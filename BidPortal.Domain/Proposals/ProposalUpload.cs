
namespace BidPortal.Domain.Proposals;

/// <summary>The structured part of an upload: the file's facts and the fields beside it.</summary>
public sealed record ProposalUpload(
    string FileName, long Size, string Sha256, string? StorageKey,
    decimal Price, int Days, string Faculty, string CourseOutline);
