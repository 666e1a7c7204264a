using BidPortal.Domain.Projects;

namespace BidPortal.Web.Components.Pages.Projects;

/// <summary>What the project page's panels need of a project, read once.</summary>
public sealed record ProjectView(int Id, string Code, ProjectStatus Status, string[] Tags, DateTimeOffset? Deadline, int CampaignId)
{
    public bool IsDraft => Status == ProjectStatus.Draft;
    public bool IsOpen => Status == ProjectStatus.Open;

    public static ProjectView Of(TenderProject p) => new(p.Id, p.Code, p.Status, p.Tags, p.Deadline, p.CampaignId);
}
