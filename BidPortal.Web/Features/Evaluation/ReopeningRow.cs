using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>A past reopening of the scores: who, when, from which status, and why.</summary>
public sealed record ReopeningRow(DateTimeOffset At, string By, ProjectStatus FromStatus, string Reason);
