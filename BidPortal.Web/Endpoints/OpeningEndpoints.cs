using BidPortal.Web.Features.Proposals;

namespace BidPortal.Web.Endpoints;

public static class OpeningEndpoints
{
    public static IEndpointRouteBuilder MapOpeningEndpoints(this IEndpointRouteBuilder app)
    {
        // The opening record as a PDF: the organizer and every bidder on the project, once it is opened.
        app.MapGet("/files/openings/{projectId:int}.pdf", (int projectId, HttpContext http, Openings openings) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var (pdf, fileName) = await openings.PdfAsync(actor, projectId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(pdf, "application/pdf", fileName);
            })).RequireAuthorization();
        return app;
    }
}
