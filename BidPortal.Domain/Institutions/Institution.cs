namespace BidPortal.Domain.Institutions;

/// <summary>A university or institute that may be invited to bid (培训机构).</summary>
public sealed class Institution
{
    private readonly List<InstitutionContact> _contacts = [];

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public InstitutionCategory Category { get; private set; }
    /// <summary>Specialty tags, lower-case (finance, audit, ocean…).</summary>
    public string[] Tags { get; private set; } = [];
    public string PreferredCulture { get; private set; } = "zh-CN";
    public bool IsActive { get; private set; } = true;
    public IReadOnlyCollection<InstitutionContact> Contacts => _contacts;

    private Institution() { }

    /// <summary>The name in the reader's language; the English form falls back to the Chinese.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) => Language.Pick(culture, Name, NameEn);

    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int PreferredCultureMaxLength = 8;
    public const int ContactNameMaxLength = 100;
    public const int ContactEmailMaxLength = 256;
    public const int ContactPhoneMaxLength = 40;

    public Institution(string code, string name, string nameEn, InstitutionCategory category,
        IEnumerable<string> tags, string preferredCulture = "zh-CN")
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("Field.Required", TextField.Code);
        Bounds.Length("Institution", code, CodeMaxLength, TextField.Code);
        Code = code.Trim();
        Update(name, nameEn, category, tags, preferredCulture);
    }

    public void Update(string name, string nameEn, InstitutionCategory category, IEnumerable<string> tags, string preferredCulture)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Field.Required", TextField.Name);
        Bounds.Length("Institution", name, NameMaxLength, TextField.Name);
        Bounds.Length("Institution", nameEn, NameMaxLength, TextField.NameEn);
        Name = name.Trim();
        NameEn = string.IsNullOrWhiteSpace(nameEn) ? Name : nameEn.Trim();
        Category = category;
        Tags = NormaliseTags(tags);
        PreferredCulture = TextCatalog.Cultures.Contains(preferredCulture) ? preferredCulture : "zh-CN";
    }

    public InstitutionContact AddContact(string name, string email, string? phone, bool isPrimary)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Field.Required", TextField.ContactName);
        if (string.IsNullOrWhiteSpace(email)) throw new DomainException("Field.Required", TextField.Email);
        if (!email.Contains('@')) throw new DomainException("Field.EmailInvalid", email);
        Bounds.Length("Institution", name, ContactNameMaxLength, TextField.ContactName);
        Bounds.Length("Institution", email, ContactEmailMaxLength, TextField.Email);
        Bounds.Length("Institution", phone, ContactPhoneMaxLength, TextField.Phone);
        if (_contacts.Any(c => string.Equals(c.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainException("Institution.ContactExists", email);
        if (isPrimary)
            foreach (var c in _contacts) c.IsPrimary = false;
        var contact = new InstitutionContact(name.Trim(), email.Trim(), phone?.Trim(), isPrimary || _contacts.Count == 0);
        _contacts.Add(contact);
        return contact;
    }

    public InstitutionContact? PrimaryContact => _contacts.FirstOrDefault(c => c.IsPrimary) ?? _contacts.FirstOrDefault();

    /// <summary>Comprehensive institutions (university bases, comprehensive universities, academies) are invited to every project.</summary>
    public bool IsComprehensive => Category is InstitutionCategory.NationalCadreBase
        or InstitutionCategory.ComprehensiveUniversity or InstitutionCategory.LeadershipAcademy;

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;

    public const int MaxTags = 30;
    public const int TagMaxLength = 40;

    /// <summary>Lower-case, trimmed, each once and in order; a bounded set of short words.</summary>
    public static string[] NormaliseTags(IEnumerable<string> tags)
    {
        string[] normal = [.. tags.Take(MaxTags * 10 + 1).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        if (normal.Length > MaxTags) throw new DomainException("Tags.TooMany", MaxTags);
        if (normal.FirstOrDefault(t => t.Length > TagMaxLength || t.Any(Bounds.IsUnprintable)) is { } bad)
            throw new DomainException("Tags.Bad", bad.Length > TagMaxLength ? bad[..TagMaxLength] + "…" : bad, TagMaxLength);
        return normal;
    }
}
