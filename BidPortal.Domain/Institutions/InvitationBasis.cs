namespace BidPortal.Domain.Institutions;

public enum InvitationBasis { Comprehensive, SharedTag, AddedByOrganizer }
