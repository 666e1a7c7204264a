using BidPortal.Domain.Campaigns;

namespace BidPortal.Domain.Filings;

/// <summary>The fields a sponsor fills in for a training project (step 1).</summary>
public sealed record FilingDetails(
    string Title,
    Theme Theme,
    string TargetTrainees,
    int Headcount,
    int Days,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    string Place,
    decimal Budget,
    string Objectives,
    bool IsCrossUnit,
    bool IsMajorTopic);
