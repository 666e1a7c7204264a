using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Infrastructure.Invitations;

/// <summary>What a call for proposals is written from: the project, its rubric, its published answers and the campaign's zone.</summary>
public sealed record CallSource(TenderProject Project, IReadOnlyList<Criterion> Criteria, IReadOnlyList<Question> Answered, TimeZoneInfo Zone);
