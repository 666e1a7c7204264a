using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record UnitSeed(string Code, string Name, string NameEn, UnitKind Kind, string System, string? ContactEmail);
