namespace BidPortal.Domain.Institutions;

public enum InstitutionCategory
{
    NationalCadreBase,
    ComprehensiveUniversity,
    SpecialisedInstitute,
    PartySchool,
    AdministrationInstitute,
    LeadershipAcademy,
}
