namespace BidPortal.Web.Features.Directory;

/// <summary>An institution being edited: its heading in the reader's language and the form's current values.</summary>
public sealed record InstitutionDetails(int Id, string DisplayName, InstitutionInput Form);
