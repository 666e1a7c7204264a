using BidPortal.Web.Features.Shortlists;

namespace BidPortal.Web.Endpoints;

public static class ShortlistEndpoints
{
    public static IEndpointRouteBuilder MapShortlistEndpoints(this IEndpointRouteBuilder app)
    {
        // The published shortlist as a PDF: the organizer and the project's lead sponsor; anyone else finds nothing (404).
        app.MapGet("/files/shortlists/{projectId:int}.pdf", (int projectId, HttpContext http, ShortlistDocument document) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var (pdf, fileName) = await document.PdfAsync(actor, projectId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(pdf, "application/pdf", fileName);
            })).RequireAuthorization();
        return app;
    }
}
