namespace BidPortal.Domain.Institutions;

public enum InvitationBasis { Comprehensive, SharedTag, AddedByOrganizer }

/// <summary>Why an institution is, or is not, on a project's invitation list.</summary>
public sealed record RoutingDecision(Institution Institution, bool Invited, InvitationBasis? Basis, IReadOnlyList<string> SharedTags);

/// <summary>
/// Step 3's rule: comprehensive institutions are invited to every project; specialised
/// ones only to projects that share one of their specialty tags.
/// </summary>
public static class InvitationRule
{
    public static RoutingDecision Decide(Institution institution, IReadOnlyCollection<string> projectTags)
    {
        if (!institution.IsActive) return new(institution, false, null, []);
        if (institution.IsComprehensive) return new(institution, true, InvitationBasis.Comprehensive, []);
        string[] shared = [.. institution.Tags.Intersect(Institution.NormaliseTags(projectTags), StringComparer.Ordinal)];
        return shared.Length > 0
            ? new(institution, true, InvitationBasis.SharedTag, shared)
            : new(institution, false, null, []);
    }

    public static IReadOnlyList<RoutingDecision> Route(IEnumerable<Institution> institutions, IReadOnlyCollection<string> projectTags) =>
        [.. institutions.Select(i => Decide(i, projectTags))];
}
