namespace BidPortal.Web.Features.Directory;

public sealed record NewInstitutionUser(string UserName, string DisplayName, string Email, string InitialPassword);
