using BidPortal.Web.Features.Projects;

namespace BidPortal.Web.Endpoints;

public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        // The call for proposals as a PDF: whoever may read the call (the organizer, an invited institution).
        app.MapGet("/files/calls/{id:int}.pdf", (int id, HttpContext http, Calls calls) => EndpointAccess.AsActorAsync(http, async actor =>
        {
            var (pdf, fileName) = await calls.PdfAsync(actor, id);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(pdf, "application/pdf", fileName);
        })).RequireAuthorization();
        return app;
    }
}
