using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record InstitutionSeed(string Code, string Name, string NameEn, InstitutionCategory Category, string[] Tags,
    string PreferredCulture, ContactSeed[] Contacts);
