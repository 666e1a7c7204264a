using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Directory;

/// <summary>The institution directory: institutions, their contacts and the people who sign in for them. Organizer only.</summary>
public sealed class Directory(IDbContextFactory<BidPortalDbContext> contexts, IServiceScopeFactory scopes)
{
    public const string CodeTakenKey = "Directory.CodeTaken";

    public async Task<IReadOnlyList<InstitutionRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var users = await db.Users.Where(u => u.InstitutionId != null).GroupBy(u => u.InstitutionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key!.Value, x => x.Count, ct);
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.Contacts).OrderBy(i => i.Category).ThenBy(i => i.Code).ToListAsync(ct);
        var culture = Language.Reader;
        return [.. institutions.Select(i => new InstitutionRow(i.Id, i.Code, i.NameIn(culture), i.Category, i.Tags, i.Contacts.Count,
            users.GetValueOrDefault(i.Id), $"{i.Code} {i.Name} {i.NameEn} {string.Join(' ', i.Tags)}"))];
    }

    public async Task<InstitutionDetails> GetAsync(Actor actor, int institutionId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var i = AccessPolicy.Found(await db.Institutions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == institutionId, ct));
        return new InstitutionDetails(i.Id, i.NameIn(Language.Reader),
            new InstitutionInput(i.Code, i.Name, i.NameEn, i.Category, SpecialtyTags.Format(i.Tags), i.PreferredCulture));
    }

    /// <summary>Adds an institution; a code already in the directory is refused with <see cref="CodeTakenKey"/>.</summary>
    public async Task<int> CreateAsync(Actor actor, InstitutionInput input, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var code = input.Code.Trim();
        if (await db.Institutions.AnyAsync(i => i.Code == code, ct)) throw new DomainException(CodeTakenKey, code);
        var institution = new Institution(code, input.Name, input.NameEn, input.Category, SpecialtyTags.Parse(input.Tags), input.PreferredCulture);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        return institution.Id;
    }

    public async Task UpdateAsync(Actor actor, int institutionId, InstitutionInput input, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var institution = AccessPolicy.Found(await db.Institutions.SingleOrDefaultAsync(i => i.Id == institutionId, ct));
        institution.Update(input.Name, input.NameEn, input.Category, SpecialtyTags.Parse(input.Tags), input.PreferredCulture);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ContactRow>> ContactsAsync(Actor actor, int institutionId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var institution = AccessPolicy.Found(await db.Institutions.AsNoTracking().Include(i => i.Contacts).SingleOrDefaultAsync(i => i.Id == institutionId, ct));
        return [.. institution.Contacts.OrderBy(c => c.Id).Select(c => new ContactRow(c.Name, c.Email, c.Phone, c.IsPrimary))];
    }

    public async Task AddContactAsync(Actor actor, int institutionId, ContactInput input, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var institution = AccessPolicy.Found(await db.Institutions.Include(i => i.Contacts).SingleOrDefaultAsync(i => i.Id == institutionId, ct));
        institution.AddContact(input.Name, input.Email, input.Phone, input.IsPrimary);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<InstitutionUser>> UsersAsync(Actor actor, int institutionId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.InstitutionId == institutionId).OrderBy(u => u.UserName)
            .Select(u => new InstitutionUser(u.UserName!, u.DisplayName, u.Email)).ToListAsync(ct);
    }

    /// <summary>
    /// Creates a person who signs in for the institution, in the institution role. Returns Identity's
    /// refusals (password too short, name taken…), for the page to show in the reader's language; none on success.
    /// </summary>
    public async Task<IReadOnlyList<IdentityError>> CreateUserAsync(Actor actor, int institutionId, NewInstitutionUser input, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageDirectory(actor));
        await using (var db = await contexts.CreateDbContextAsync(ct))
            AccessPolicy.Found(await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == institutionId, ct));
        // UserManager is scoped: a scope of its own per call, as this service outlives any request.
        await using var scope = scopes.CreateAsyncScope();
        // Identity's stores save through the scope's context: the log names the organizer, not "system".
        scope.ServiceProvider.GetRequiredService<BidPortalDbContext>().Actor = actor.UserName;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = input.UserName.Trim(), Email = input.Email.Trim(), DisplayName = input.DisplayName.Trim(),
            InstitutionId = institutionId, EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user, input.InitialPassword);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Institution);
        return result.Succeeded ? [] : [.. result.Errors];
    }
}
