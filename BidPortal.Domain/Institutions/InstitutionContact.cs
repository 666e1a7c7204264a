namespace BidPortal.Domain.Institutions;

public sealed class InstitutionContact
{
    public int Id { get; private set; }
    public int InstitutionId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }
    public bool IsPrimary { get; internal set; }

    private InstitutionContact() { }

    internal InstitutionContact(string name, string email, string? phone, bool isPrimary)
    {
        Name = name;
        Email = email;
        Phone = phone;
        IsPrimary = isPrimary;
    }
}
