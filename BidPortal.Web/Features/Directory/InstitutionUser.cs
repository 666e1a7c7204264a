namespace BidPortal.Web.Features.Directory;

/// <summary>A person who signs in for an institution.</summary>
public sealed record InstitutionUser(string UserName, string DisplayName, string? Email);
