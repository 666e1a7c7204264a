using System.Globalization;

namespace BidPortal.Domain.Audit;

public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The text an entry's hash covers: every field and the link to the entry before.</summary>
    public static string Canonical(AuditEntry e) => string.Join('\u001f',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        e.Actor, e.Action, e.EntityType, e.EntityId, e.Details, e.PreviousHash);

    /// <summary>HMAC-SHA256 under the portal's audit key: a plain hash could be recomputed by anyone holding the database.</summary>
    public static string ComputeHash(AuditEntry e, AuditKey key) => key.Sign(Canonical(e));

    /// <summary>
    /// The first entry whose content, link or sequence is broken, or null when the chain holds.
    /// <paramref name="firstSequence"/> lets a caller check a window of a longer log; the first entry of the
    /// window is then trusted for its link only when it is the genesis entry.
    /// </summary>
    public static AuditEntry? FirstBroken(IEnumerable<AuditEntry> entriesInOrder, AuditKey key, long firstSequence = 1)
    {
        string? expectedPrevious = firstSequence == 1 ? Genesis : null;
        var expectedSequence = firstSequence;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Sequence != expectedSequence || (expectedPrevious is not null && entry.PreviousHash != expectedPrevious)
                || !key.Verify(Canonical(entry), entry.Hash))
                return entry;
            expectedPrevious = entry.Hash;
            expectedSequence++;
        }
        return null;
    }
}
