using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ConflictSeed(string Expert, string Institution, string Reason);
