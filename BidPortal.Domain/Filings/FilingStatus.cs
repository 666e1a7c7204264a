
namespace BidPortal.Domain.Filings;

public enum FilingStatus { Draft, Submitted, Returned, Approved, Rejected, Excluded, Consolidated }
