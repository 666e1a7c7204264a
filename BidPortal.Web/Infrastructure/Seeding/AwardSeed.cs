using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record AwardSeed(string Institution, string? Reason, string At);
