using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>One evaluator's sheet; <see cref="Draft"/> leaves it unsubmitted (the points typed so far).</summary>
public sealed record ScoreSeed(string Expert, string Institution, decimal[] Points, string SubmittedAt, string? OutlierReason, bool Draft = false);
