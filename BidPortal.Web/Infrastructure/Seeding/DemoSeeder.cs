using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Web.Infrastructure.Sealing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure.Seeding;

/// <summary>
/// Loads seed-data/ at first start: units, institutions, demo accounts, the 2011 Dongying campaign
/// and a current campaign. Idempotent: what is there already is left alone.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<BidPortalDbContext> contexts,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ProposalVault vault,
    ILogger<DemoSeeder> log)
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "seed-data");

    public async Task SeedAsync(string folder, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Actor = "seed";
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
            await roles.CreateAsync(new IdentityRole(role));

        await SeedUnitsAsync(db, SeedFiles.Read<UnitSeed[]>(folder, "units.json"), ct);
        await SeedInstitutionsAsync(db, SeedFiles.Read<InstitutionSeed[]>(folder, "institutions.json"), ct);
        await SeedAccountsAsync(db, SeedFiles.Accounts(folder), ct);

        if (await db.Campaigns.AnyAsync(ct)) return;
        var started = clock.GetUtcNow();
        foreach (var file in new[] { "campaign-2011.json", "campaign-current.json" })
        {
            await using var campaignDb = await contexts.CreateDbContextAsync(ct);
            campaignDb.Actor = "seed";
            await new CampaignSeeder(campaignDb, vault, clock.GetUtcNow()).SeedAsync(SeedFiles.Read<CampaignSeed>(folder, file), ct);
        }
        var seconds = (clock.GetUtcNow() - started).TotalSeconds;
        log.DemoLoaded(seconds);
    }

    private static async Task SeedUnitsAsync(BidPortalDbContext db, IEnumerable<UnitSeed> seeds, CancellationToken ct)
    {
        var existing = await db.SponsorUnits.Select(u => u.Code).ToListAsync(ct);
        db.SponsorUnits.AddRange(seeds.Where(s => !existing.Contains(s.Code))
            .Select(s => new SponsorUnit(s.Code, s.Name, s.NameEn, s.Kind, s.System, s.ContactEmail)));
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedInstitutionsAsync(BidPortalDbContext db, IEnumerable<InstitutionSeed> seeds, CancellationToken ct)
    {
        var existing = await db.Institutions.Select(i => i.Code).ToListAsync(ct);
        foreach (var s in seeds.Where(s => !existing.Contains(s.Code)))
        {
            var institution = new Institution(s.Code, s.Name, s.NameEn, s.Category, s.Tags, s.PreferredCulture);
            foreach (var c in s.Contacts) institution.AddContact(c.Name, c.Email, c.Phone, isPrimary: false);
            db.Institutions.Add(institution);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedAccountsAsync(BidPortalDbContext db, IEnumerable<AccountSeed> seeds, CancellationToken ct)
    {
        var units = await db.SponsorUnits.ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var institutions = await db.Institutions.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        foreach (var s in seeds)
        {
            if (await users.FindByNameAsync(s.Login) is not null) continue;
            var user = new AppUser
            {
                UserName = s.Login,
                Email = $"{s.Login}@bidportal.demo",
                EmailConfirmed = true,
                DisplayName = s.Name,
                SponsorUnitId = s.Unit is null ? null : units[s.Unit],
                InstitutionId = s.Institution is null ? null : institutions[s.Institution],
            };
            Check(await users.CreateAsync(user, s.Password), s.Login);
            Check(await users.AddToRoleAsync(user, s.Role), s.Login);
        }
    }

    private static void Check(IdentityResult result, string login)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {login}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
