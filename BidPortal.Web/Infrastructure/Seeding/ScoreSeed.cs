using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ScoreSeed(string Expert, string Institution, decimal[] Points, string SubmittedAt, string? OutlierReason);
