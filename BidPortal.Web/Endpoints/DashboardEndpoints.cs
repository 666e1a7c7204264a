using BidPortal.Web.Features.Dashboard;

namespace BidPortal.Web.Endpoints;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        // The campaign summary for the leadership: the organizer only (AccessPolicy.CanExportCampaign).
        app.MapGet("/files/campaigns/{campaignId:int}/summary.pdf", (int campaignId, HttpContext http, CampaignSummary summary) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var (pdf, fileName) = await summary.PdfAsync(actor, campaignId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(pdf, "application/pdf", fileName);
            })).RequireAuthorization();
        return app;
    }
}
