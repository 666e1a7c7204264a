
namespace BidPortal.Domain.Filings;

public enum ExclusionKind { OffPriorities, TooSmall, Duplicate, Other }
