namespace BidPortal.Domain.Campaigns;

public enum CampaignStatus { Planning, Filing, Tendering, Executing, Closed }
