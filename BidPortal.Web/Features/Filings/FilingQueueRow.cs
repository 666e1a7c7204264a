using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;

namespace BidPortal.Web.Features.Filings;

/// <summary>A line of the organizer's review queue.</summary>
public sealed record FilingQueueRow(int Id, string Title, string Unit, Theme Theme, DateOnly Start, decimal Budget,
    bool Major, bool Cross, FilingStatus Status);
