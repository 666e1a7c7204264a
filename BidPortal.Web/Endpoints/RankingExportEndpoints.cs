using BidPortal.Web.Infrastructure.Files;
using BidPortal.Web.Features.Evaluation;

namespace BidPortal.Web.Endpoints;

/// <summary>
/// A project's ranking and all its scores as CSV and Excel (Routes.RankingCsv … ScoresXlsx): plain downloads,
/// saved as attachments, headers in the requester's language. The service asks the access policy: the ranking
/// for whoever may see it, the sheets for the organizer; a refusal is 403, an unknown project 404.
/// </summary>
public static class RankingExportEndpoints
{
    public static IEndpointRouteBuilder MapRankingExportEndpoints(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization();
        exports.MapGet("/rankings/{projectId:int}.csv", (int projectId, HttpContext http, RankingExports files) =>
            SendAsync(http, actor => files.RankingCsvAsync(actor, projectId, http.RequestAborted)));
        exports.MapGet("/rankings/{projectId:int}.xlsx", (int projectId, HttpContext http, RankingExports files) =>
            SendAsync(http, actor => files.RankingXlsxAsync(actor, projectId, http.RequestAborted)));
        exports.MapGet("/scores/{projectId:int}.csv", (int projectId, HttpContext http, RankingExports files) =>
            SendAsync(http, actor => files.ScoresCsvAsync(actor, projectId, http.RequestAborted)));
        exports.MapGet("/scores/{projectId:int}.xlsx", (int projectId, HttpContext http, RankingExports files) =>
            SendAsync(http, actor => files.ScoresXlsxAsync(actor, projectId, http.RequestAborted)));
        return app;
    }

    private static Task<IResult> SendAsync(HttpContext http, Func<BidPortal.Domain.Access.Actor, Task<ExportFile>> export) =>
        EndpointAccess.AsActorAsync(http, async actor =>
        {
            var file = await export(actor);
            // Figures that change as sheets arrive: never served from a cache.
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
}
