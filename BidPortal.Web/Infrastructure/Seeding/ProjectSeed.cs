using BidPortal.Domain.Campaigns;

namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>
/// One consolidated project of a seeded campaign. <see cref="Declared"/> names the panel members who have made
/// their declaration of conflicts (null: the whole panel); the others meet the declaration when they first sign in.
/// </summary>
public sealed record ProjectSeed(string Code, string Title, string TitleEn, string Description, Theme Theme,
    string[] Sources, string ConsolidatedAt, string Stage, string? PublishedAt, string? Deadline, string? OpenedAt,
    string? FinalisedAt, Dictionary<string, InvitationSeed> Invitations, string[]? Panel, ProposalSeed[]? Proposals,
    ConflictSeed[]? Conflicts, ScoreSeed[]? Scores, AwardSeed? Award, ExecutionSeed? Execution, CancelSeed? Cancel,
    QuestionSeed[]? Questions, string[]? Declared = null, ObjectionSeed[]? Objections = null);
