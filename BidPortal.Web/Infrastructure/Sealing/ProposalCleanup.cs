using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Infrastructure.Sealing;

/// <summary>
/// At start: what a crash or a cut connection left in the proposals folder goes — partial files, and
/// sealed files no proposal version names (committed, then the save failed). Only files untouched for
/// <see cref="Grace"/>, so an upload still running on another node sharing the folder is spared.
/// </summary>
public static class ProposalCleanup
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    public static async Task<(int Partials, int Orphans)> RunAsync(ProposalVault vault, BidPortalDbContext db, TimeProvider clock,
        CancellationToken ct = default)
    {
        var before = clock.GetUtcNow() - Grace;
        var partials = vault.DeletePartials(before);
        var candidates = vault.StoredKeys(before).ToList();
        var orphans = 0;
        foreach (var batch in candidates.Chunk(500))
        {
            var known = await db.ProposalVersions.AsNoTracking().Where(v => v.StorageKey != null && batch.Contains(v.StorageKey))
                .Select(v => v.StorageKey!).ToListAsync(ct);
            foreach (var key in batch.Except(known))
            {
                vault.Delete(key);
                orphans++;
            }
        }
        return (partials, orphans);
    }
}
