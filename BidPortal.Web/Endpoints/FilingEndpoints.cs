using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Web.Features.Filings;
using BidPortal.Web.Infrastructure;
using BidPortal.Web.Infrastructure.Files;

namespace BidPortal.Web.Endpoints;

public static class FilingEndpoints
{
    public static IEndpointRouteBuilder MapFilingEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/templates").RequireAuthorization(p => p.RequireRole(Roles.Organizer));
        // In the requester's language: its headers and the unit names beside their codes.
        templates.MapGet("/filings.xlsx", async (HttpContext http, FilingImporter importer) => Results.File(
            await importer.TemplateXlsxAsync(http.User.ToActor(), http.RequestAborted),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "filings-template.xlsx"));
        templates.MapGet("/filings.csv", async (HttpContext http, FilingImporter importer) => Results.File(
            await importer.TemplateCsvAsync(http.User.ToActor(), http.RequestAborted), "text/csv; charset=utf-8", "filings-template.csv"));

        // The year's special training plan, as Excel and as the PDF to issue; the service asks the access policy too.
        var plan = app.MapGroup("/exports/special-plan").RequireAuthorization(p => p.RequireRole(Roles.Organizer));
        plan.MapGet("/{campaignId:int}/xlsx", (int campaignId, HttpContext http, SpecialPlan plans) => EndpointAccess.AsActorAsync(http, async actor =>
            Results.File(await plans.ExcelAsync(actor, campaignId, http.RequestAborted),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"special-plan-{campaignId}.xlsx")));
        plan.MapGet("/{campaignId:int}/pdf", (int campaignId, HttpContext http, SpecialPlan plans) => EndpointAccess.AsActorAsync(http, async actor =>
            Results.File(await plans.PdfAsync(actor, campaignId, http.RequestAborted), "application/pdf", $"special-plan-{campaignId}.pdf")));

        // A filing's documents: whoever the access policy lets see the filing (the organizer, the unit's own users).
        app.MapGet("/files/filing-documents/{id:int}", (int id, HttpContext http, FilingReview filings, IFileStore files) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var (fileName, key) = await filings.OpenDocumentAsync(actor, id, http.RequestAborted);
                // The type comes from the kind checked on upload, never sniffed; the browser saves, never renders.
                var type = FileTypes.KindOfName(fileName) is { } kind ? FileTypes.ContentType(kind) : "application/octet-stream";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(files.OpenRead(key), type, fileName);
            })).RequireAuthorization();
        return app;
    }
}
