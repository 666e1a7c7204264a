using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Infrastructure.Seeding;

// The shapes of the JSON files in seed-data/. Times are ISO 8601, or relative to the moment of
// seeding ("now-8d+6h", dates "today+40") so the current campaign always has live deadlines.

public sealed record UnitSeed(string Code, string Name, string NameEn, UnitKind Kind, string System, string? ContactEmail);
public sealed record ContactSeed(string Name, string Email, string? Phone);
public sealed record InstitutionSeed(string Code, string Name, string NameEn, InstitutionCategory Category, string[] Tags,
    string PreferredCulture, ContactSeed[] Contacts);
public sealed record AccountSeed(string Login, string Role, string Name, string Password, string? Unit, string? Institution);
public sealed record CriterionSeed(string Name, string NameEn, decimal MaxPoints, bool IsPrice);
public sealed record ReviewSeed(string Decision, bool SpecialPlan, string At, string? Comment);
public sealed record ExclusionSeed(ExclusionKind Kind, string Reason, string At);
public sealed record DocumentSeed(DocumentKind Kind, string At);
public sealed record FilingSeed(string Ref, string Unit, string Title, Theme Theme, string TargetTrainees, int Headcount, int Days,
    string PlannedStart, string PlannedEnd, string Place, decimal Budget, string Objectives, bool CrossUnit, bool MajorTopic,
    string FiledAt, bool Draft, ReviewSeed? Review, ExclusionSeed? Exclusion, DocumentSeed[]? Documents);
public sealed record InvitationSeed(string Ack, string? At);
public sealed record ProposalSeed(string Institution, decimal Price, int Days, string Faculty, string Outline, string ReceivedAt);
public sealed record ConflictSeed(string Expert, string Institution, string Reason);
public sealed record ScoreSeed(string Expert, string Institution, decimal[] Points, string SubmittedAt, string? OutlierReason);
public sealed record AwardSeed(string Institution, string? Reason, string At);
public sealed record ExecutionSeed(string Start, string End, int Trainees, decimal Cost, string ReportAt);
public sealed record CancelSeed(string Reason);
public sealed record QuestionSeed(string Institution, string Text, string AskedAt, string? Answer, string? AnsweredAt, bool Material);
public sealed record ProjectSeed(string Code, string Title, string TitleEn, string Description, Theme Theme, string[] Tags,
    string[] Sources, string ConsolidatedAt, string Stage, string? PublishedAt, string? Deadline, string? OpenedAt,
    string? FinalisedAt, Dictionary<string, InvitationSeed> Invitations, string[]? Panel, ProposalSeed[]? Proposals,
    ConflictSeed[]? Conflicts, ScoreSeed[]? Scores, AwardSeed? Award, ExecutionSeed? Execution, CancelSeed? Cancel,
    QuestionSeed[]? Questions);
public sealed record CampaignSeed(int? Year, string Name, string NameEn, bool Illustrative, CampaignStatus Status,
    CriterionSeed[] Rubric, FilingSeed[] Filings, ProjectSeed[] Projects);

public static partial class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
    }

    public static IReadOnlyList<AccountSeed> Accounts(string folder) => Read<AccountSeed[]>(folder, "accounts.json");

    /// <summary>"2011-03-18T09:00:00+08:00", or "now-8d+6h" relative to <paramref name="now"/>.</summary>
    public static DateTimeOffset Instant(string text, DateTimeOffset now)
    {
        if (!text.StartsWith("now", StringComparison.Ordinal))
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime();
        var at = now;
        foreach (Match m in Offset().Matches(text[3..]))
        {
            var amount = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            at = m.Groups[2].Value == "d" ? at.AddDays(amount) : at.AddHours(amount);
        }
        return at;
    }

    /// <summary>"2011-05-10", or "today+40" in the city's calendar.</summary>
    public static DateOnly Date(string text, DateOnly today) =>
        text.StartsWith("today", StringComparison.Ordinal)
            ? today.AddDays(int.Parse(text[5..], CultureInfo.InvariantCulture))
            : DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([+-]\d+)([dh])")]
    private static partial Regex Offset();
}

/// <summary>A clock the seeder moves to each recorded moment, so entities check their rules as they did then.</summary>
public sealed class SeedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
