using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record FilingSeed(string Ref, string Unit, string Title, Theme Theme, string TargetTrainees, int Headcount, int Days,
    string PlannedStart, string PlannedEnd, string Place, decimal Budget, string Objectives, bool CrossUnit, bool MajorTopic,
    string FiledAt, bool Draft, ReviewSeed? Review, ExclusionSeed? Exclusion, DocumentSeed[]? Documents);
