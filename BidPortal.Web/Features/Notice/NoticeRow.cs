namespace BidPortal.Web.Features.Notice;

/// <summary>One place of the recommended ranking on notice: its recommended position, rank, institution and total score.</summary>
public sealed record NoticeRow(int Position, int Rank, string Institution, decimal Score, bool IsOwn);
