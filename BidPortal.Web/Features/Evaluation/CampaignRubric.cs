using BidPortal.Domain.Evaluation;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>A campaign's default rubric as the organizer edits it: the lines in order, and whether it may still change.</summary>
/// <param name="IsPortalDefault">Nobody set one yet: the lines are the portal's (<see cref="Rubric.Default"/>).</param>
/// <param name="CanChange">The campaign is not closed.</param>
public sealed record CampaignRubric(int CampaignId, int Year, string CampaignName, IReadOnlyList<CriterionDraft> Criteria,
    bool IsPortalDefault, bool CanChange);
