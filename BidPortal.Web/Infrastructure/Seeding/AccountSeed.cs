using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record AccountSeed(string Login, string Role, string Name, string Password, string? Unit, string? Institution);
