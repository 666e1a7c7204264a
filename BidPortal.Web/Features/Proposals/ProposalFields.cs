namespace BidPortal.Web.Features.Proposals;

/// <summary>What an institution types beside its proposal document.</summary>
public sealed record ProposalFields(decimal Price, int Days, int Trainees, string Faculty, string CourseOutline);
