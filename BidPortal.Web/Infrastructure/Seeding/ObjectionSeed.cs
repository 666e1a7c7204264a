namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>An objection (质疑) to a shortlisted project's recommended ranking, filed during its notice, and the organizer's answer when given.</summary>
public sealed record ObjectionSeed(string Institution, string FiledBy, string FiledAt, string Reason, string? Answer, string? AnsweredAt);
