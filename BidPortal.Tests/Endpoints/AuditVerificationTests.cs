using BidPortal.Tests.Support;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}
