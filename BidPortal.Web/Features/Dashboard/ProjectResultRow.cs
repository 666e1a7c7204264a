using BidPortal.Domain;
using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Dashboard;

/// <summary>
/// A consolidated project with its outcome and money: the proposals it received (withdrawn ones not
/// counted, as in the funnel), its budget ceiling, the winner and the contracted amount once awarded,
/// the actual cost once recorded, and its execution stage. Names in the reader's language.
/// </summary>
public sealed record ProjectResultRow(int Id, string Code, string Title, ProjectStatus Status, int Proposals, decimal Budget,
    string? Winner, decimal? Contracted, decimal? Spent, ExecutionStage? Stage);
