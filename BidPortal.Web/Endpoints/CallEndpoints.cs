using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Web.Features.Projects;
using BidPortal.Web.Infrastructure;

namespace BidPortal.Web.Endpoints;

public static class CallEndpoints
{
    public static IEndpointRouteBuilder MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        // The call for proposals as a PDF: whoever may read the call (the organizer, an invited institution).
        app.MapGet("/files/calls/{id:int}.pdf", async (int id, HttpContext http, Calls calls) =>
        {
            try
            {
                var (pdf, fileName) = await calls.PdfAsync(http.User.ToActor(), id);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(pdf, "application/pdf", fileName);
            }
            catch (DomainException e) when (AccessPolicy.IsDenied(e))
            {
                return Results.Forbid();
            }
            catch (DomainException e) when (AccessPolicy.IsNotFound(e))
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();
        return app;
    }
}
