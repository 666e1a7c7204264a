using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;

namespace BidPortal.Web.Features.Filings;

/// <summary>The review queue's filters; null means any.</summary>
public sealed record FilingQueueFilter(FilingStatus? Status, Theme? Theme, int? UnitId, bool MajorOrCrossOnly);
