using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>
/// One evaluator's sheet: points per typed criterion in rubric order (null, or an array cut short, leaves a
/// criterion blank); <see cref="Draft"/> leaves it unsubmitted (the points typed so far); <see cref="Comment"/>
/// is the overall comment.
/// </summary>
public sealed record ScoreSeed(string Expert, string Institution, decimal?[] Points, string SubmittedAt, string? OutlierReason,
    bool Draft = false, string? Comment = null);
