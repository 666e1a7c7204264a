namespace BidPortal.Domain.Institutions;

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

    /// <summary>
    /// Lists on a new project every institution the rule invites (optionally only those
    /// <paramref name="only"/> keeps); the organizer adjusts the list on the project's page.
    /// </summary>
    public static IReadOnlyList<RoutingDecision> ListOn(Projects.TenderProject project, IEnumerable<Institution> institutions,
        Func<Institution, bool>? only = null)
    {
        var listed = Route(institutions, project.Tags).Where(d => d.Invited && (only is null || only(d.Institution))).ToList();
        foreach (var decision in listed) project.Invite(decision.Institution, decision.Basis!.Value);
        return listed;
    }
}
