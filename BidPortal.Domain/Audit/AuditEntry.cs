
namespace BidPortal.Domain.Audit;

/// <summary>
/// One line of the append-only audit log. Each entry holds the keyed hash of the one before, so a
/// changed or deleted entry breaks the chain and <see cref="AuditChain.FirstBroken"/> finds it;
/// without the key (kept outside the database) nobody can forge a consistent replacement.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string Details { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(AuditEntry? previous, DateTimeOffset at, string actor, string action, string entityType, string entityId,
        string details, AuditKey key)
    {
        Sequence = (previous?.Sequence ?? 0) + 1;
        // PostgreSQL keeps microseconds: hash what the database will give back.
        At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        PreviousHash = previous?.Hash ?? AuditChain.Genesis;
        Hash = AuditChain.ComputeHash(this, key);
    }
}
