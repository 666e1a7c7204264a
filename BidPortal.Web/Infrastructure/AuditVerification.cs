using BidPortal.Domain.Audit;
using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure;

public static class AuditVerification
{
    /// <summary>
    /// <c>dotnet run --project BidPortal.Web -- verify-audit</c>: walks the audit log's keyed hash chain and
    /// names the first entry that was changed or whose predecessor was deleted, then compares the last entry
    /// with the head recorded outside the database, which finds the newest entries deleted. Exit code 0 when intact.
    /// </summary>
    public static async Task<int> VerifyAuditAsync(this IServiceProvider services, TextWriter output)
    {
        var key = services.GetRequiredService<AuditKey>();
        var anchor = services.GetRequiredService<IAuditAnchor>().Read();
        await using var db = await services.GetRequiredService<IDbContextFactory<BidPortalDbContext>>().CreateDbContextAsync();
        var count = 0;
        AuditEntry? previous = null;
        // Streamed in order: a long log need not fit in memory.
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable())
        {
            if (AuditChain.FirstBroken(previous is null ? [entry] : [previous, entry], key, previous?.Sequence ?? 1) is { } broken)
                return await BrokenAsync(output, broken, "");
            if (anchor is not null && entry.Sequence == anchor.Sequence && entry.Hash != anchor.Hash)
                return await BrokenAsync(output, entry, " (not the entry recorded outside the database)");
            previous = entry;
            count++;
        }
        var head = previous?.Sequence ?? 0;
        if (anchor is not null && head < anchor.Sequence)
        {
            await output.WriteLineAsync($"audit log BROKEN after sequence {head}: entries up to sequence {anchor.Sequence} "
                + "were recorded outside the database and are missing");
            return 1;
        }
        if (anchor is null && count > 0)
        {
            // Nothing to compare the newest entries with: a deletion at the end could not be seen.
            await output.WriteLineAsync($"audit log UNANCHORED: {count} entries chain correctly, but no head is recorded in {AuditSetup.HeadFile}");
            return 1;
        }
        await output.WriteLineAsync($"audit log intact: {count} entries");
        return 0;
    }

    private static async Task<int> BrokenAsync(TextWriter output, AuditEntry broken, string why)
    {
        await output.WriteLineAsync($"audit log BROKEN at sequence {broken.Sequence} (entry id {broken.Id}, {broken.EntityType} {broken.EntityId}, {broken.At:O}){why}");
        return 1;
    }
}
