using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BidPortal.Domain.Audit;
using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BidPortal.Tests.Endpoints;

/// <summary>The verify command finds an entry changed or deleted behind the application's back.</summary>
public class AuditVerificationTests
{
    [Fact]
    public async Task IntactLog_IsReportedIntact()
    {
        using var factory = new PortalFactory();
        var output = new StringWriter();
        Assert.Equal(0, await factory.Services.VerifyAuditAsync(output));
        Assert.Matches(@"^audit log intact: \d{4,} entries", output.ToString());
    }

    [Fact]
    public async Task EntryChangedInTheDatabase_IsNamed()
    {
        using var factory = new PortalFactory();
        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Details\" = 'Submitted -> Rejected' WHERE \"Sequence\" = 50");
        var output = new StringWriter();
        Assert.Equal(1, await factory.Services.VerifyAuditAsync(output));
        Assert.StartsWith("audit log BROKEN at sequence 50 ", output.ToString());
    }

    [Fact]
    public async Task EntryDeletedFromTheDatabase_IsFoundAtTheNextOne()
    {
        using var factory = new PortalFactory();
        await using (var db = factory.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 120");
        var output = new StringWriter();
        Assert.Equal(1, await factory.Services.VerifyAuditAsync(output));
        Assert.StartsWith("audit log BROKEN at sequence 121 ", output.ToString());
    }

    public static TheoryData<string> Forgers => ["plain SHA-256", "a key of its own"];

    /// <summary>Someone with the database (but not the key) edits entry 4000 and recomputes every later link.</summary>
    [Theory]
    [MemberData(nameof(Forgers))]
    public async Task EntryChanged_AndEveryLaterHashRecomputed_WithoutTheKey_IsNamed(string forger)
    {
        using var factory = new PortalFactory();
        var wrongKey = AuditKey.NewRandom();
        Func<AuditEntry, string> hash = forger == "plain SHA-256"
            ? e => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditChain.Canonical(e))))
            : e => AuditChain.ComputeHash(e, wrongKey);
        await using (var db = factory.CreateDbContext())
        {
            var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence >= 3999).OrderBy(a => a.Sequence).ToListAsync();
            Assert.True(entries.Count > 100);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var previous = entries[0].Hash;
            foreach (var entry in entries.Skip(1))
            {
                if (entry.Sequence == 4000) Set(entry, nameof(AuditEntry.Details), "Submitted -> Rejected");
                Set(entry, nameof(AuditEntry.PreviousHash), previous);
                Set(entry, nameof(AuditEntry.Hash), hash(entry));
                previous = entry.Hash;
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE \"AuditEntries\" SET \"Details\" = {entry.Details}, \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Sequence\" = {entry.Sequence}");
            }
            await transaction.CommitAsync();
        }
        var output = new StringWriter();
        Assert.Equal(1, await factory.Services.VerifyAuditAsync(output));
        Assert.StartsWith("audit log BROKEN at sequence 4000 ", output.ToString());
    }

    /// <summary>Deleting the newest entries leaves a consistent chain: the head kept outside the database finds it.</summary>
    [Fact]
    public async Task LastEntriesDeleted_AreFound()
    {
        using var factory = new PortalFactory();
        long head;
        await using (var db = factory.CreateDbContext())
        {
            head = await db.AuditEntries.MaxAsync(a => a.Sequence);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {head - 5}");
        }
        var output = new StringWriter();
        Assert.Equal(1, await factory.Services.VerifyAuditAsync(output));
        Assert.StartsWith($"audit log BROKEN after sequence {head - 5}: entries up to sequence {head} ", output.ToString());
    }

    /// <summary>After the deletion the portal keeps working, but the head outside the database stays as evidence.</summary>
    [Fact]
    public async Task LastEntriesDeleted_ThenNewEntries_AreStillFound()
    {
        using var factory = new PortalFactory();
        long head;
        await using (var db = factory.CreateDbContext())
        {
            head = await db.AuditEntries.MaxAsync(a => a.Sequence);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {head - 5}");
        }
        using var client = factory.CreateClient();
        for (var i = 0; i < 7; i++) await SignIn.PostLoginAsync(client, "organizer", "wrong password " + i);
        var output = new StringWriter();
        Assert.Equal(1, await factory.Services.VerifyAuditAsync(output));
        Assert.StartsWith($"audit log BROKEN at sequence {head} ", output.ToString());
    }

    [Fact]
    public async Task SignIns_AreLogged_AFailedOneUnderTheNameTyped_AndTheLogStaysIntact()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        await SignIn.PostLoginAsync(client, "nobody", "guess");
        await SignIn.PostLoginAsync(client, "organizer", SignIn.DemoPassword);
        await using (var db = factory.CreateDbContext())
        {
            var last = await db.AuditEntries.OrderByDescending(a => a.Sequence).Take(2).ToListAsync();
            Assert.Equal(("organizer", "SignedIn"), (last[0].Actor, last[0].Action));
            Assert.Equal(("nobody", "SignInFailed"), (last[1].Actor, last[1].Action));
            Assert.Contains("unverified", last[1].Details);
        }
        var output = new StringWriter();
        Assert.Equal(0, await factory.Services.VerifyAuditAsync(output));
        Assert.Equal(factory.Services.GetRequiredService<IAuditAnchor>().Read()!.Sequence.ToString(CultureInfo.InvariantCulture),
            System.Text.RegularExpressions.Regex.Match(output.ToString(), @"\d+").Value);
    }

    [Fact]
    public async Task LanguageChosenBySignedInUser_IsLoggedUnderTheirName()
    {
        using var factory = new PortalFactory();
        using var client = await SignIn.ClientAsync(factory, "organizer");
        await client.GetAsync("/culture/en?returnUrl=/");
        await client.GetAsync("/culture/zh-CN?returnUrl=/");
        await using var db = factory.CreateDbContext();
        var last = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal(("organizer", "Updated", "AppUser"), (last.Actor, last.Action, last.EntityType));
        Assert.EndsWith("PreferredCulture: en -> zh-CN", last.Details);
    }

    private static void Set(AuditEntry entry, string property, string value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);
}
