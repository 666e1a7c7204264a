using BidPortal.Web.Infrastructure.Invitations;

namespace BidPortal.Web.Features.Projects;

/// <summary>A project's call for proposals as one reader sees it: every part already in the reader's language.</summary>
/// <param name="IsDraft">Not yet published: the organizer may still change it.</param>
/// <param name="Rubric">The evaluation criteria in order, for the page's table (the "criteria" part says the same in words).</param>
public sealed record CallContent(int ProjectId, string Code, string Title, bool IsDraft, IReadOnlyList<CallPart> Parts,
    IReadOnlyList<CallCriterion> Rubric);
