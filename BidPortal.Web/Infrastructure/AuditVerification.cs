using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

public static class AuditVerification
{
    /// <summary>
    /// <c>dotnet run --project BidPortal.Web -- verify-audit</c>: walks the audit log's hash chain and
    /// names the first entry that was changed or whose predecessor was deleted. Exit code 0 when intact.
    /// </summary>
    public static async Task<int> VerifyAuditAsync(this IServiceProvider services, TextWriter output)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<BidPortalDbContext>>().CreateDbContextAsync();
        var count = 0;
        AuditEntry? previous = null;
        // Streamed in order: a long log need not fit in memory.
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable())
        {
            if (AuditChain.FirstBroken(previous is null ? [entry] : [previous, entry], previous?.Sequence ?? 1) is { } broken)
            {
                await output.WriteLineAsync($"audit log BROKEN at sequence {broken.Sequence} (entry id {broken.Id}, {broken.EntityType} {broken.EntityId}, {broken.At:O})");
                return 1;
            }
            previous = entry;
            count++;
        }
        await output.WriteLineAsync($"audit log intact: {count} entries");
        return 0;
    }
}
