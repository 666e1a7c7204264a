using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record CampaignSeed(int? Year, string Name, string NameEn, bool Illustrative, CampaignStatus Status,
    CriterionSeed[] Rubric, FilingSeed[] Filings, ProjectSeed[] Projects);
