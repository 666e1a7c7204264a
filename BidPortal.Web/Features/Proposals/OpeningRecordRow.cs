namespace BidPortal.Web.Features.Proposals;

/// <summary>
/// One bid in the opening record. A withdrawn bid is listed as withdrawn, without its price;
/// <paramref name="Reason"/> says in words why a bid was flagged.
/// </summary>
public sealed record OpeningRecordRow(int InstitutionId, string Institution, decimal? Price, DateTimeOffset ReceivedAt, string ReceiptNumber,
    string Sha256, int Version, OpeningOutcome Outcome, string? Reason);
