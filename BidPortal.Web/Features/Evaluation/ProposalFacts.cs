namespace BidPortal.Web.Features.Evaluation;

/// <summary>The structured fields of a proposal's current version, and its document (the blind file name in blind mode).</summary>
public sealed record ProposalFacts(
    int VersionId,
    decimal Price,
    int Days,
    int Trainees,
    string Faculty,
    string CourseOutline,
    DateTimeOffset ReceivedAt,
    string FileName,
    bool ShowsInline);
