using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure.Mail;

/// <summary>Who receives a sponsoring unit's mail, in which language: the one rule for reminders, shortlists and reports.</summary>
public static class MailRecipients
{
    /// <summary>
    /// The unit's sponsor users with an address (each in its chosen language, named by its display name or
    /// else the unit's), or the unit's own contact address when it has no such user; Chinese unless chosen.
    /// </summary>
    public static async Task<List<(string Address, string Name, string Culture)>> ForUnitAsync(BidPortalDbContext db, int unitId, CancellationToken ct)
    {
        var unit = await db.SponsorUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return [];
        var users = await db.Users.AsNoTracking().Where(u => u.SponsorUnitId == unitId && u.Email != null)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(ct);
        if (users.Count > 0)
            return [.. users.Select(u => (u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? unit.Name : u.DisplayName, u.PreferredCulture ?? "zh-CN"))];
        return unit.ContactEmail is { } email ? [(email, unit.Name, "zh-CN")] : [];
    }
}
