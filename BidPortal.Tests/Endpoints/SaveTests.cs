using BidPortal.Domain;
using BidPortal.Domain.Audit;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Filings;
using BidPortal.Domain.Identity;
using BidPortal.Domain.Institutions;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BidPortal.Tests.Endpoints;

/// <summary>
/// Saving on both providers: one transaction per save, a serialised audit chain, the second of two
/// overlapping edits refused with a message, a duplicate refused with a message, field changes logged.
/// </summary>
public class SaveTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwentyParallelAuditedWrites_AreAllKept_AndTheChainHolds(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        int[] ids;
        await using (var db = database.Create())
        {
            var institutions = Enumerable.Range(1, 20)
                .Select(i => new Institution($"I{i:00}", $"机构{i}", $"Institution {i}", InstitutionCategory.SpecialisedInstitute, ["finance"])).ToList();
            db.Institutions.AddRange(institutions);
            await db.SaveChangesAsync();
            ids = [.. institutions.Select(i => i.Id)];
        }

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            await using var db = database.Create();
            db.Actor = $"writer{id}";
            var institution = await db.Institutions.SingleAsync(i => i.Id == id);
            institution.Update(institution.Name + "（新）", institution.NameEn + " (renamed)", institution.Category, institution.Tags, "en");
            await db.SaveChangesAsync();
        })));

        await using var check = database.Create();
        Assert.Equal(20, await check.Institutions.CountAsync(i => i.NameEn.EndsWith(" (renamed)")));
        var entries = await check.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(20, entries.Count(e => e.Action == "Updated" && e.EntityType == "Institution"));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Null(AuditChain.FirstBroken(entries, database.Key));
        Assert.Equal(new AuditHead(entries[^1].Sequence, entries[^1].Hash), database.Anchor.Read());
    }

    /// <summary>Sign-ins write an entry and nothing else: the read of the head comes first in their transaction.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwentyParallelExplicitEntries_AreAllKept_AndTheChainHolds(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            await using var db = database.Create();
            db.AppendAudit("SignedIn", "AppUser", $"{i}", "", actor: $"user{i}");
            await db.SaveChangesAsync();
        })));
        await using var check = database.Create();
        var entries = await check.AuditEntries.OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(20, entries.Select(e => e.Actor).Distinct().Count());
        Assert.Null(AuditChain.FirstBroken(entries, database.Key));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoReviewsOfTheSameFiling_TheFirstWins_TheSecondIsToldToCheckAgain(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        var clock = Build.Clock();
        int id;
        await using (var db = database.Create())
        {
            var campaign = new Campaign(2026, "2026年度干部培训", "Cadre training 2026");
            campaign.OpenFiling();
            var unit = new SponsorUnit("CZJ", "东营市财政局", "Finance Bureau", UnitKind.MunicipalDepartment, "finance");
            db.AddRange(campaign, unit);
            await db.SaveChangesAsync();
            var filing = new Filing(campaign, unit, Build.Details(), clock);
            filing.Submit(clock);
            db.Filings.Add(filing);
            await db.SaveChangesAsync();
            id = filing.Id;
        }

        await using var first = database.Create();
        await using var second = database.Create();
        var approving = await first.Filings.SingleAsync(f => f.Id == id);
        var returning = await second.Filings.SingleAsync(f => f.Id == id);
        approving.Approve(intoSpecialPlan: true, clock);
        returning.ReturnForChanges("请补充课程安排", clock);
        await first.SaveChangesAsync();
        var refused = await Assert.ThrowsAsync<DomainException>(() => second.SaveChangesAsync());

        Assert.Equal("Save.Conflict", refused.Key);
        Assert.Equal("Someone else changed this record in the meantime; it has been reloaded, please check and try again.",
            refused.MessageIn(System.Globalization.CultureInfo.GetCultureInfo("en")));
        // The loser sees what is stored now, and the log shows only the change that was kept.
        Assert.Equal(FilingStatus.Approved, returning.Status);
        await using var check = database.Create();
        Assert.Equal(FilingStatus.Approved, (await check.Filings.SingleAsync(f => f.Id == id)).Status);
        var changes = await check.AuditEntries.Where(a => a.EntityType == "Filing" && a.Action == "StatusChanged").Select(a => a.Details).ToListAsync();
        Assert.Equal(["Submitted -> Approved"], changes);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DuplicateInstitutionCode_IsRefusedWithAMessage_AndNothingIsSaved(string provider)
    {
        await using var database = await ProviderDatabase.CreateAsync(provider);
        await using (var db = database.Create())
        {
            db.Institutions.Add(new Institution("PKU", "北京大学", "Peking University", InstitutionCategory.ComprehensiveUniversity, ["finance"]));
            await db.SaveChangesAsync();
        }
        await using (var db = database.Create())
        {
            db.Institutions.Add(new Institution("PKU", "另一所大学", "Another university", InstitutionCategory.ComprehensiveUniversity, ["audit"]));
            var refused = await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
            Assert.Equal("Save.Duplicate", refused.Key);
        }
        await using var check = database.Create();
        Assert.Equal(1, await check.Institutions.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task ChangedFields_AreLoggedWithOldAndNewValues_ButNeverPasswordHashes()
    {
        await using var database = await ProviderDatabase.CreateAsync("Sqlite");
        await using (var db = database.Create())
        {
            db.Institutions.Add(new Institution("PKU", "北京大学", "Peking University", InstitutionCategory.ComprehensiveUniversity, ["finance"]));
            db.Users.Add(new AppUser { UserName = "pku", NormalizedUserName = "PKU", DisplayName = "北大", PasswordHash = "HASH-ONE", SecurityStamp = "STAMP-ONE" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.Create())
        {
            db.Actor = "organizer";
            var institution = await db.Institutions.SingleAsync();
            institution.Update("北京大学", "Peking University", InstitutionCategory.NationalCadreBase, ["finance", "law"], "zh-CN");
            institution.AddContact("王老师", "wang@pku.example", null, isPrimary: true);
            var user = await db.Users.SingleAsync();
            user.PasswordHash = "HASH-TWO";
            user.SecurityStamp = "STAMP-TWO";
            user.DisplayName = "北京大学";
            await db.SaveChangesAsync();
        }
        await using var check = database.Create();
        var entries = await check.AuditEntries.Where(a => a.Actor == "organizer").ToListAsync();
        Assert.Contains(entries, e => e.EntityType == "Institution" && e.Action == "Updated"
            && e.Details == "Category: ComprehensiveUniversity -> NationalCadreBase; Tags: [finance] -> [finance, law]");
        Assert.Contains(entries, e => e.EntityType == "InstitutionContact" && e.Action == "Created");
        var userChange = Assert.Single(entries, e => e.EntityType == "AppUser");
        Assert.Equal("DisplayName: 北大 -> 北京大学; PasswordHash: (changed)", userChange.Details);
        Assert.DoesNotContain(await check.AuditEntries.ToListAsync(), e => e.Details.Contains("HASH") || e.Details.Contains("STAMP"));
    }
}
