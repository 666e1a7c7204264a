namespace BidPortal.Domain.Campaigns;

/// <summary>A sponsoring unit (主办单位): a municipal department, a district or a county.</summary>
public sealed class SponsorUnit
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    /// <summary>The "system" a unit belongs to (finance, land, social…): filings of one system are merge candidates.</summary>
    public string System { get; private set; } = "";
    public string? ContactEmail { get; private set; }

    private SponsorUnit() { }

    /// <summary>The name in the reader's language; the English form falls back to the Chinese.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Name, NameEn);

    public SponsorUnit(string code, string name, string nameEn, UnitKind kind, string system, string? contactEmail = null)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("Field.Required", TextField.Code);
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Field.Required", TextField.Name);
        Code = code.Trim();
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        Kind = kind;
        System = system.Trim();
        ContactEmail = contactEmail;
    }

    public bool IsCounty => Kind is not UnitKind.MunicipalDepartment;
}
