using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record ProposalSeed(string Institution, decimal Price, int Days, string Faculty, string Outline, string ReceivedAt);
