using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

public sealed record QuestionSeed(string Institution, string Text, string AskedAt, string? Answer, string? AnsweredAt, bool Material);
