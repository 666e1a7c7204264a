namespace BidPortal.Domain.Filings;

public enum ReminderKind { DueSoon, Overdue }
