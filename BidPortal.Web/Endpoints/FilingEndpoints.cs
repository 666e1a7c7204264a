using BidPortal.Domain.Data;
using BidPortal.Domain.Identity;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;
using BidPortal.Web.Infrastructure.Import;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;

namespace BidPortal.Web.Endpoints;

public static class FilingEndpoints
{
    public static IEndpointRouteBuilder MapFilingEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/templates").RequireAuthorization(p => p.RequireRole(Roles.Organizer));
        templates.MapGet("/filings.xlsx", () => Results.File(FilingImporter.TemplateXlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "filings-template.xlsx"));
        templates.MapGet("/filings.csv", () => Results.File(FilingImporter.TemplateCsv(), "text/csv; charset=utf-8", "filings-template.csv"));

        // A filing's documents: the organizer, and the sponsoring unit's own users, nobody else.
        app.MapGet("/files/filing-documents/{id:int}", async (int id, HttpContext http, BidPortalDbContext db, IFileStore files) =>
        {
            var document = await db.FilingDocuments.Where(d => d.Id == id)
                .Join(db.Filings, d => d.FilingId, f => f.Id, (d, f) => new { d.FileName, d.StorageKey, f.SponsorUnitId })
                .SingleOrDefaultAsync();
            if (document is null) return Results.NotFound();
            var user = http.User;
            if (!user.IsInRole(Roles.Organizer) && !(user.IsInRole(Roles.Sponsor) && user.SponsorUnitOf() == document.SponsorUnitId))
                return Results.Forbid();
            if (document.StorageKey is null) return Results.NotFound();
            new FileExtensionContentTypeProvider().TryGetContentType(document.FileName, out var type);
            return Results.File(files.OpenRead(document.StorageKey), type ?? "application/octet-stream", document.FileName);
        }).RequireAuthorization();
        return app;
    }
}
