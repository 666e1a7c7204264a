namespace BidPortal.Domain.Filings;

public enum ComplianceState { NotYetDue, OnTime, Late, Missing }
