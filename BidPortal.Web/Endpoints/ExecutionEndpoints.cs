using BidPortal.Web.Features.Execution;
using BidPortal.Web.Infrastructure.Files;

namespace BidPortal.Web.Endpoints;

/// <summary>
/// Step 10's downloads: a campaign's execution list as CSV and Excel (the organizer), and an awarded project's
/// completion report as uploaded (the organizer and the lead sponsor; anyone else finds nothing: 404).
/// </summary>
public static class ExecutionEndpoints
{
    public static IEndpointRouteBuilder MapExecutionEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/exports/campaigns").RequireAuthorization();
        exports.MapGet("/{campaignId:int}/execution.csv", (int campaignId, HttpContext http, Executions executions) =>
            SendAsync(http, actor => executions.CampaignCsvAsync(actor, campaignId, http.RequestAborted)));
        exports.MapGet("/{campaignId:int}/execution.xlsx", (int campaignId, HttpContext http, Executions executions) =>
            SendAsync(http, actor => executions.CampaignXlsxAsync(actor, campaignId, http.RequestAborted)));

        app.MapGet("/files/execution-reports/{projectId:int}", (int projectId, HttpContext http, Executions executions, IFileStore files) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var (fileName, key) = await executions.OpenReportAsync(actor, projectId, http.RequestAborted);
                // The type comes from the kind checked on upload, never sniffed; the browser saves, never renders.
                var type = FileTypes.KindOfName(fileName) is { } kind ? FileTypes.ContentType(kind) : "application/octet-stream";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(files.OpenRead(key), type, fileName);
            })).RequireAuthorization();
        return app;
    }

    private static Task<IResult> SendAsync(HttpContext http, Func<BidPortal.Domain.Access.Actor, Task<ExportFile>> export) =>
        EndpointAccess.AsActorAsync(http, async actor =>
        {
            var file = await export(actor);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
}
