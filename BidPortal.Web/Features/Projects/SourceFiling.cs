namespace BidPortal.Web.Features.Projects;

/// <summary>A filing merged into a project, with its sponsoring unit's name in the reader's language.</summary>
public sealed record SourceFiling(int Id, string Title, string Unit, int Headcount, decimal Budget);
