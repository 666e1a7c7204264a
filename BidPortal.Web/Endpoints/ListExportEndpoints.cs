using BidPortal.Web.Features.Exports;

namespace BidPortal.Web.Endpoints;

/// <summary>
/// Every list page as CSV or Excel (Routes.ListCsv / ListXlsx): plain downloads, saved as attachments, headers in
/// the requester's language. The list's own service decides access as it does for the page: 403 or 404.
/// </summary>
public static class ListExportEndpoints
{
    public static IEndpointRouteBuilder MapListExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/lists/{list}.{format}", (string list, string format, HttpContext http, ListExports exports) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var file = await exports.FileAsync(actor, list, format, ListQuery.From(http.Request.Query), http.RequestAborted);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })).RequireAuthorization();
        return app;
    }
}
