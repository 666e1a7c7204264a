namespace BidPortal.Web.Features.Directory;

public sealed record ContactRow(string Name, string Email, string? Phone, bool IsPrimary);
