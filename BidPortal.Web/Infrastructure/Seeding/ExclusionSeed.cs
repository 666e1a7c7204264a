using BidPortal.Domain.Filings;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ExclusionSeed(ExclusionKind Kind, string Reason, string At);
