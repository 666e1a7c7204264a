using BidPortal.Domain.Projects;

namespace BidPortal.Web.Features.Proposals;

/// <summary>What an opening came to: opened, or unsuccessful (流标) with fewer valid bids than the minimum.</summary>
public sealed record OpeningResult(ProjectStatus Status, int Valid, int Flagged, int MinValidProposals);
