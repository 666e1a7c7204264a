using Microsoft.AspNetCore.Identity;

namespace BidPortal.Domain.Identity;

public static class Roles
{
    public const string Organizer = nameof(Organizer);
    public const string Sponsor = nameof(Sponsor);
    public const string Institution = nameof(Institution);
    public const string Evaluator = nameof(Evaluator);

    public static readonly IReadOnlyList<string> All = [Organizer, Sponsor, Institution, Evaluator];
}

/// <summary>A person signing in. An institution user acts only for its institution, a sponsor user only for its unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? InstitutionId { get; set; }
    public int? SponsorUnitId { get; set; }
    /// <summary>zh-CN or en, remembered from the language switch.</summary>
    public string? PreferredCulture { get; set; }
}
