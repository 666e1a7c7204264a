using BidPortal.Domain.Identity;

namespace BidPortal.Domain.Access;

/// <summary>
/// Who is acting: every feature service takes one, so each check and each audit entry names a
/// person. Built from the signed-in principal in the web project; <see cref="System"/> is only for
/// the seeder and background jobs, never for something a person did.
/// </summary>
public sealed record Actor(string UserName, IReadOnlySet<string> Roles, int? InstitutionId = null, int? SponsorUnitId = null,
    string? DisplayName = null)
{
    public static Actor System { get; } = new("system", new HashSet<string>());
    public static Actor Anonymous { get; } = new("anonymous", new HashSet<string>());

    public bool IsAuthenticated => this != Anonymous && !string.IsNullOrEmpty(UserName) && UserName != Anonymous.UserName;
    public bool IsOrganizer => Roles.Contains(Identity.Roles.Organizer);
    public bool IsSponsor => Roles.Contains(Identity.Roles.Sponsor) && SponsorUnitId is not null;
    public bool IsInstitution => Roles.Contains(Identity.Roles.Institution) && InstitutionId is not null;
    public bool IsEvaluator => Roles.Contains(Identity.Roles.Evaluator);

    /// <summary>A sponsor user acting for this unit.</summary>
    public bool ActsForUnit(int unitId) => IsSponsor && SponsorUnitId == unitId;

    /// <summary>An institution user acting for this institution.</summary>
    public bool ActsForInstitution(int institutionId) => IsInstitution && InstitutionId == institutionId;

    public string Name => DisplayName ?? UserName;

    public override string ToString() => UserName;

    /// <summary>Used by tests and tools: an actor holding the given roles.</summary>
    public static Actor Of(string userName, string role, int? institutionId = null, int? sponsorUnitId = null) =>
        new(userName, new HashSet<string>(StringComparer.Ordinal) { role }, institutionId, sponsorUnitId);

}
