
namespace BidPortal.Domain.Audit;

/// <summary>
/// Keeps the chain's head outside the database, so deleting the newest entries (which leaves a
/// shorter but consistent chain) is still found.
/// </summary>
public interface IAuditAnchor
{
    /// <summary>The head recorded last, or null when none has been recorded.</summary>
    AuditHead? Read();

    /// <summary>Records a committed head; a head older than the one recorded is ignored.</summary>
    void Advance(AuditHead head);
}
