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

    /// <summary>
    /// Draws a draft project's proposed list again after its tags changed: institutions the rule
    /// now invites and that have no row yet are listed; rule-proposed rows it no longer invites
    /// are taken off. The organizer's own additions and removals stay as they are.
    /// </summary>
    public static (IReadOnlyList<Institution> Added, IReadOnlyList<Institution> Dropped) Redraw(Projects.TenderProject project,
        IEnumerable<Institution> institutions)
    {
        var decisions = Route(institutions, project.Tags).ToDictionary(d => d.Institution.Id);
        var dropped = new List<Institution>();
        foreach (var invitation in project.Invitations.ToList())
        {
            if (decisions.TryGetValue(invitation.InstitutionId, out var d) && d.Invited) continue;
            if (project.Unlist(invitation)) dropped.Add(invitation.Institution!);
        }
        var listed = project.Invitations.Select(i => i.InstitutionId).ToHashSet();
        var added = new List<Institution>();
        foreach (var decision in decisions.Values.Where(d => d.Invited && !listed.Contains(d.Institution.Id)))
        {
            project.Invite(decision.Institution, decision.Basis!.Value);
            added.Add(decision.Institution);
        }
        return (added, dropped);
    }
}
