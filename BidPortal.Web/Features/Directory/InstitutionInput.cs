using BidPortal.Domain.Institutions;

namespace BidPortal.Web.Features.Directory;

/// <summary>The institution form as typed: both name forms, tags as one line ("ocean, fisheries").</summary>
public sealed record InstitutionInput(string Code, string Name, string NameEn, InstitutionCategory Category, string Tags, string PreferredCulture);
