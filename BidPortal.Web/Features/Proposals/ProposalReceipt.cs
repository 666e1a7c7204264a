namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// The receipt of one upload (回执): its number, the server time it was received, the size and the
/// SHA-256 of the bytes received. The opening checks the stored file against this hash.
/// </summary>
public sealed record ProposalReceipt(
    int VersionId, int Version, string ReceiptNumber, DateTimeOffset ReceivedAt, long Size, string Sha256, string FileName,
    decimal Price, int Days, int Trainees, int ProjectId, string ProjectCode, string ProjectTitle, string InstitutionName);
