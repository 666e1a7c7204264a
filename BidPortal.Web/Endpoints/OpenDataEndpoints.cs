using BidPortal.Web.Features.OpenData;

namespace BidPortal.Web.Endpoints;

/// <summary>
/// A campaign's open-data package (Routes.OpenDataPackage): a plain download of JSON, for the organizer
/// (AccessPolicy.CanExportCampaign through the service); a refusal is 403, an unknown campaign 404.
/// </summary>
public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapOpenDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/campaigns/{campaignId:int}/ocds.json", (int campaignId, HttpContext http, OcdsExport export) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var file = await export.FileAsync(actor, campaignId, http.RequestAborted);
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })).RequireAuthorization();
        return app;
    }
}
