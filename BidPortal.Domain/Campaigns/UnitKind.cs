namespace BidPortal.Domain.Campaigns;

public enum UnitKind { MunicipalDepartment, District, County, DevelopmentZone }
