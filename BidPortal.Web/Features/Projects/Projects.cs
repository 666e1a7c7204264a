using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Features.Projects;

/// <summary>The organizer's project page: a consolidated project and the filings it was made from.</summary>
public sealed class Projects(IDbContextFactory<BidPortalDbContext> contexts, TimeProvider clock)
{
    public async Task<ProjectDetails> DetailsAsync(Actor actor, int projectId)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync();
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().Include(p => p.Sources).ThenInclude(f => f.SponsorUnit)
            .SingleOrDefaultAsync(p => p.Id == projectId));
        var window = await db.Campaigns.Where(c => c.Id == project.CampaignId).Select(c => c.DefaultBidWindowDays).SingleAsync();
        var reader = Language.Reader;
        return new ProjectDetails(project.Id, project.Code, project.TitleIn(reader), project.Status, project.Tags, project.Theme,
            project.Headcount, project.BudgetCeiling, project.Deadline, project.AwaitsOpening(clock.GetUtcNow()), project.Description, window,
            [.. project.Sources.OrderBy(f => f.Id).Select(f => new SourceFiling(f.Id, f.Title, f.SponsorUnit!.NameIn(reader), f.Headcount, f.Budget))]);
    }
}
