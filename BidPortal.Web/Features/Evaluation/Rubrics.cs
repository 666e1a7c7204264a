using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Campaigns;
using BidPortal.Domain.Data;
using BidPortal.Domain.Evaluation;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Evaluation;

/// <summary>
/// Rubrics (step 7): the campaign's default, copied into each project consolidated afterwards, and each
/// project's own copy, editable until publication. <see cref="Rubric.Validate(IReadOnlyCollection{CriterionDraft})"/>,
/// run by the entities, is the one check; the editor's live total only helps the organizer get there.
/// </summary>
public sealed class Rubrics(IDbContextFactory<BidPortalDbContext> contexts)
{
    /// <summary>The audit action of a rubric change (its lines are not audited one by one, so the whole new rubric is logged).</summary>
    public const string ChangedAction = "RubricChanged";

    public async Task<CampaignRubric> CampaignRubricAsync(Actor actor, int campaignId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.AsNoTracking().Include(c => c.DefaultRubric)
            .SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        return new CampaignRubric(campaign.Id, campaign.Year, campaign.NameIn(Language.Reader), campaign.RubricForNewProjects,
            campaign.DefaultRubric.Count == 0, campaign.Status != CampaignStatus.Closed);
    }

    /// <summary>Changes the default for projects consolidated from now on; existing projects keep their copy.</summary>
    public async Task SaveCampaignRubricAsync(Actor actor, int campaignId, IReadOnlyList<CriterionDraft> drafts, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanRunCampaign(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        var campaign = AccessPolicy.Found(await db.Campaigns.Include(c => c.DefaultRubric).SingleOrDefaultAsync(c => c.Id == campaignId, ct));
        campaign.SetDefaultRubric(drafts);
        db.AppendAudit(ChangedAction, nameof(Campaign), $"{campaign.Id}", Describe(drafts));
        await db.SaveChangesAsync(ct);
    }

    public async Task<ProjectRubric> ProjectRubricAsync(Actor actor, int projectId, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Criteria).SingleOrDefaultAsync(p => p.Id == projectId, ct));
        return new ProjectRubric(project.Id, project.Code, project.TitleIn(Language.Reader),
            [.. project.OrderedCriteria.Select(c => new CriterionDraft(c.Name, c.NameEn, c.MaxPoints, c.IsPrice))],
            project.Status == ProjectStatus.Draft);
    }

    /// <summary>Replaces a draft project's rubric; refused once the project is published (the call carried it out).</summary>
    public async Task SaveProjectRubricAsync(Actor actor, int projectId, IReadOnlyList<CriterionDraft> drafts, CancellationToken ct = default)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageEvaluation(actor));
        await using var db = await contexts.CreateForAsync(actor, ct);
        // The project as it is now, not as the page loaded it: it may have been published since.
        var project = AccessPolicy.Found(await db.Projects.Include(p => p.Criteria).SingleOrDefaultAsync(p => p.Id == projectId, ct));
        project.ReplaceRubric(drafts);
        db.AppendAudit(ChangedAction, nameof(TenderProject), $"{project.Id}", Describe(drafts));
        await db.SaveChangesAsync(ct);   // a concurrent change surfaces as "Save.Conflict"
    }

    /// <summary>"方案设计 30; …; 报价 10 (price)": the rubric as it was saved, for the audit log.</summary>
    private static string Describe(IReadOnlyList<CriterionDraft> drafts) =>
        string.Join("; ", drafts.Select(d => $"{d.Name.Trim()} {d.MaxPoints:0.##}{(d.IsPrice ? " (price)" : "")}"));
}
