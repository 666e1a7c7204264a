using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Features.Directory;

/// <summary>An institution in the directory list; <see cref="Name"/> in the reader's language, <see cref="SearchText"/> holds both forms.</summary>
public sealed record InstitutionRow(int Id, string Code, string Name, InstitutionCategory Category, IReadOnlyList<string> Tags,
    int Contacts, int Users, string SearchText);
