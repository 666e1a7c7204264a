using System.Globalization;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Institutions;
using BidPortal.Tests.Support;
using BidPortal.Web.Features.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DirectoryService = BidPortal.Web.Features.Directory.Directory;

namespace BidPortal.Tests.Endpoints;

public class DirectoryServiceTests(DirectoryServiceTests.Fixture fixture) : IClassFixture<DirectoryServiceTests.Fixture>
{
    public sealed class Fixture : PortalFactory;

    private DirectoryService Service => fixture.Services.GetRequiredService<DirectoryService>();

    private static InstitutionInput Dalian(string code) =>
        new(code, "大连海事大学", "Dalian Maritime University", InstitutionCategory.SpecialisedInstitute, "ocean, Fisheries；law", "zh-CN");

    private async Task<(int Institutions, int Contacts, int Users, string Name)> CountsAsync()
    {
        await using var db = fixture.CreateDbContext();
        return (await db.Institutions.CountAsync(), await db.Set<InstitutionContact>().CountAsync(), await db.Users.CountAsync(),
            (await db.Institutions.SingleAsync(i => i.Id == 1)).Name);
    }

    [Theory]
    [MemberData(nameof(Actors.NotOrganizers), MemberType = typeof(Actors))]
    public async Task Writes_ByAnyoneButTheOrganizer_AreRefused_AndChangeNothing(string role)
    {
        var actor = Actors.Other(role);
        var before = await CountsAsync();
        Task[] writes =
        [
            Service.CreateAsync(actor, Dalian("DENY1")),
            Service.UpdateAsync(actor, 1, Dalian("DENY1") with { Name = "改名" }),
            Service.AddContactAsync(actor, 1, new ContactInput("王老师", "wang@example.demo", null, false)),
            Service.CreateUserAsync(actor, 1, new NewInstitutionUser("inst.deny", "王老师", "deny@example.demo", "Dlmu#2026")),
            Service.ListAsync(actor),
        ];
        foreach (var write in writes)
            Assert.True(AccessPolicy.IsDenied(await Assert.ThrowsAsync<DomainException>(() => write)));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_ParsesTheTags_ShowsTheReadersName_AndRefusesATakenCode()
    {
        var id = await Service.CreateAsync(Actors.Organizer, Dalian("DLMU"));
        await using (var db = fixture.CreateDbContext())
            Assert.Equal(["fisheries", "law", "ocean"], (await db.Institutions.SingleAsync(i => i.Id == id)).Tags);
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal("Dalian Maritime University", (await Service.GetAsync(Actors.Organizer, id)).DisplayName);
        Assert.Contains(await Service.ListAsync(Actors.Organizer), r => r.Id == id && r.Name == "Dalian Maritime University");
        var taken = await Assert.ThrowsAsync<DomainException>(() => Service.CreateAsync(Actors.Organizer, Dalian(" DLMU ")));
        Assert.Equal(DirectoryService.CodeTakenKey, taken.Key);
    }

    [Fact]
    public async Task EachDirectoryWrite_NamesTheOrganizerInTheAuditLog()
    {
        long before;
        await using (var db = fixture.CreateDbContext()) before = await db.AuditEntries.MaxAsync(a => a.Sequence);
        var id = await Service.CreateAsync(Actors.Organizer, Dalian("AUDIT1"));
        await Service.AddContactAsync(Actors.Organizer, id, new ContactInput("李老师", "li@example.demo", null, true));
        Assert.Empty(await Service.CreateUserAsync(Actors.Organizer, id, new NewInstitutionUser("inst.audit1", "李老师", "li1@example.demo", "Dlmu#2026")));
        await using var check = fixture.CreateDbContext();
        var entries = await check.AuditEntries.Where(a => a.Sequence > before).ToListAsync();
        Assert.Contains(entries, e => e.EntityType == nameof(Institution) && e.Action == "Created");
        Assert.Contains(entries, e => e.EntityType == "AppUser" && e.Action == "Created");
        Assert.All(entries, e => Assert.Equal("organizer", e.Actor));
    }

    [Fact]
    public async Task CreateUser_WithAShortPassword_ReturnsIdentitysRefusal_AndCreatesNoOne()
    {
        var errors = await Service.CreateUserAsync(Actors.Organizer, 1, new NewInstitutionUser("inst.short", "王老师", "short@example.demo", "short"));
        Assert.Contains(errors, e => e.Code == "PasswordTooShort");
        Assert.DoesNotContain(await Service.UsersAsync(Actors.Organizer, 1), u => u.UserName == "inst.short");
        Assert.Empty(await Service.CreateUserAsync(Actors.Organizer, 1, new NewInstitutionUser("inst.long", "王老师", "long@example.demo", "Dlmu#2026")));
        Assert.Contains(await Service.UsersAsync(Actors.Organizer, 1), u => u.UserName == "inst.long");
    }
}
