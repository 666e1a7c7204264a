namespace BidPortal.Domain.Campaigns;

public enum Theme { EconomicManagement, SocialManagement, ExecutionCapacity }
