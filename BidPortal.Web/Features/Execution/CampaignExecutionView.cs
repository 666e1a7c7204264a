using BidPortal.Domain;

namespace BidPortal.Web.Features.Execution;

/// <summary>A campaign's awarded projects followed to their reports, in project-code order.</summary>
public sealed record CampaignExecutionView(int CampaignId, string CampaignName, IReadOnlyList<ExecutionRow> Rows)
{
    public int Count(ExecutionStage stage) => Rows.Count(r => r.Stage == stage);
}
