using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>A panel an evaluator sits on: the project and how many of its proposals the evaluator has scored.</summary>
public sealed record PanelRow(int ProjectId, string Code, string Title, ProjectStatus Status, int Scored, int ToScore)
{
    /// <summary>Under evaluation or past it: the project's page opens for the evaluator (before that it does not exist for it).</summary>
    public bool CanOpen { get; init; }
}
