namespace BidPortal.Domain.Audit;

/// <summary>
/// Marks the records whose creation and status changes go into the audit log. Score items,
/// contacts and the like are parts of an audited record and are not logged one by one.
/// </summary>
public interface IAuditable;
