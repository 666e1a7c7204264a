namespace BidPortal.Web.Features.Directory;

public sealed record ContactInput(string Name, string Email, string? Phone, bool IsPrimary);
