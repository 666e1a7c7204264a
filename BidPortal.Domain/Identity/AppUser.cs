using Microsoft.AspNetCore.Identity;

namespace BidPortal.Domain.Identity;

/// <summary>A person signing in. An institution user acts only for its institution, a sponsor user only for its unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? InstitutionId { get; set; }
    public int? SponsorUnitId { get; set; }
    /// <summary>zh-CN or en, remembered from the language switch.</summary>
    public string? PreferredCulture { get; set; }
}
