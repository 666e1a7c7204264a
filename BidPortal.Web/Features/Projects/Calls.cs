using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Data;
using BidPortal.Domain.Projects;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Features.Projects;

/// <summary>
/// The call for proposals (推介书) of a project: the organizer reads and edits it before
/// publication; an invited institution reads it, on its project page and as a PDF.
/// </summary>
public sealed class Calls(IDbContextFactory<BidPortalDbContext> contexts, CallText text, IOptions<PortalOptions> portal)
{
    /// <summary>The whole call in the reader's language. An institution sees it only through its own active invitation.</summary>
    public async Task<CallContent> ForProjectAsync(Actor actor, int projectId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var source = await LoadAsync(db, actor, projectId);
        var reader = Language.Reader;
        var project = source.Project;
        return new CallContent(project.Id, project.Code, project.TitleIn(reader), project.Status == ProjectStatus.Draft, text.Parts(source, reader),
            [.. source.Criteria.OrderBy(c => c.Order).Select((c, i) => new CallCriterion(i + 1, c.NameIn(reader), c.MaxPoints, c.IsPrice))]);
    }

    /// <summary>The organizer's form, filled from the project as it is now.</summary>
    public async Task<CallInput> ForEditAsync(Actor actor, int projectId)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateDbContextAsync();
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId));
        var options = portal.Value;
        return CallInput.From(project, Language.Pick(Language.Reader, options.CallContactName, options.CallContactNameEn) + " " + options.CallContactPhone);
    }

    /// <summary>Saves the call with the headcount and budget ceiling; refused once the project is published.</summary>
    public async Task SaveAsync(Actor actor, int projectId, CallInput input)
    {
        AccessPolicy.Demand(AccessPolicy.CanManageProjects(actor));
        await using var db = await contexts.CreateForAsync(actor);
        var project = AccessPolicy.Found(await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId));
        // The project as it is now, not as the page loaded it: a round may have been published since.
        project.EditCall(input.ToDetails());
        project.SetTotals(input.Headcount, input.BudgetCeiling);
        await db.SaveChangesAsync();
    }

    /// <summary>The call as a PDF in the reader's language, and its file name; the same access as the page.</summary>
    public async Task<(byte[] Pdf, string FileName)> PdfAsync(Actor actor, int projectId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var source = await LoadAsync(db, actor, projectId);
        var reader = Language.Reader;
        return (text.Pdf(source, reader), text.FileName(source.Project, reader));
    }

    private static async Task<CallSource> LoadAsync(BidPortalDbContext db, Actor actor, int projectId)
    {
        var project = AccessPolicy.Found(await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId));
        var invitation = actor.IsInstitution
            ? await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TenderProjectId == projectId && i.InstitutionId == actor.InstitutionId)
            : null;
        AccessPolicy.Demand(AccessPolicy.CanSeeCall(actor, project, invitation));
        return await CallText.LoadAsync(db, project);
    }
}
