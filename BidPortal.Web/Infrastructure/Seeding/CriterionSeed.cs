
namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record CriterionSeed(string Name, string NameEn, decimal MaxPoints, bool IsPrice);
