namespace BidPortal.Domain.Audit;

/// <summary>
/// Marks the workflow records whose creation, status changes and field changes go into the audit log.
/// Score items and the like are parts of an audited record and are not logged one by one. Institutions,
/// their contacts, users and role assignments are logged too (the context lists them: they do not carry
/// this marker).
/// </summary>
public interface IAuditable;
