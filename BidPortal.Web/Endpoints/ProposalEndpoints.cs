using System.Globalization;
using System.Text;
using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Domain.Identity;
using BidPortal.Web.Features.Proposals;
using BidPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace BidPortal.Web.Endpoints;

/// <summary>
/// The proposal upload and downloads. The upload is a plain HTTP POST from the page (Blazor's
/// InputFile over SignalR is slow for tens of MB): multipart, the fields first and the document last,
/// streamed section by section into the vault — never buffered whole. The antiforgery token travels
/// in a header, so validating it never reads the body.
/// </summary>
public static class ProposalEndpoints
{
    /// <summary>Text fields are small; a field section larger than this is refused unread.</summary>
    private const int MaxFieldBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/proposals/{projectId:int}/upload", UploadAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Institution))
            .DisableAntiforgery(); // validated by hand below, from the header, before the body is read

        // The token the upload needs, for the signed-in institution user (the page fetches it; so can a script).
        app.MapGet("/proposals/upload-token", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(new { header = tokens.HeaderName, token = tokens.RequestToken });
        }).RequireAuthorization(p => p.RequireRole(Roles.Institution));

        // A version's document: its owner before the opening; after it, whoever the access policy names.
        app.MapGet("/files/proposals/{versionId:int}", (int versionId, HttpContext http, Proposals proposals) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var download = await proposals.OpenDocumentAsync(actor, versionId, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.File(download.Content, download.ContentType, download.FileName, enableRangeProcessing: false);
            })).RequireAuthorization();

        // A version's receipt as a PDF, in the reader's language: whoever may see the proposal (its owner before the opening).
        app.MapGet("/files/receipts/{versionId:int}.pdf", (int versionId, HttpContext http, Proposals proposals, ReceiptDocument receipts) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var receipt = await proposals.ReceiptAsync(actor, versionId, http.RequestAborted);
                var (pdf, fileName) = await receipts.PdfAsync(receipt, Language.Reader, http.RequestAborted);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(pdf, "application/pdf", fileName);
            })).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> UploadAsync(int projectId, HttpContext http, Proposals proposals, IAntiforgery antiforgery)
    {
        var sizeLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = proposals.MaxBytes + 1024 * 1024;
        var result = await ReceiveAsync(projectId, http, proposals, antiforgery);
        // A refusal made before the body was read (after the deadline, not invited, a bad name) would
        // otherwise leave the browser still sending: the server resets the connection and the person
        // sees a network error instead of the reason. Reading the rest first lets the message arrive.
        if (result is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            await DrainAsync(http, proposals.MaxBytes + 1024 * 1024);
        return result;
    }

    private static async Task DrainAsync(HttpContext http, long limit)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while (total <= limit && (read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0) total += read;
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away or passed the limit: nothing more to wait for.
        }
    }

    private static async Task<IResult> ReceiveAsync(int projectId, HttpContext http, Proposals proposals, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused(StatusCodes.Status400BadRequest, "Upload.Expired");
        }

        return await EndpointAccess.AsActorAsync(http, async actor =>
        {
            try
            {
                var boundary = Boundary(http.Request.ContentType);
                var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                    if (disposition.IsFileDisposition())
                    {
                        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
                        var receipt = await proposals.SubmitAsync(actor, projectId, Fields(fields), fileName, section.Body, http.RequestAborted);
                        return Results.Ok(receipt);
                    }
                    var name = disposition.Name.Value ?? "";
                    fields[name] = await ReadFieldAsync(section.Body, http.RequestAborted);
                }
                throw new DomainException("Field.Required", TextField.File);
            }
            catch (InvalidDataException)
            {
                // A malformed multipart body or one past the request limit.
                return Refused(StatusCodes.Status400BadRequest, "Upload.Malformed");
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Refused(StatusCodes.Status413PayloadTooLarge, "Seal.TooLarge", proposals.MaxBytes / 1024 / 1024);
            }
            catch (DomainException e) when (!AccessPolicy.IsDenied(e) && !AccessPolicy.IsNotFound(e))
            {
                return Results.BadRequest(new { message = e.MessageIn(CultureInfo.CurrentUICulture), key = e.Key });
            }
        });
    }

    private static IResult Refused(int status, string key, params object[] args) =>
        Results.Json(new { message = TextCatalog.Domain.Format(key, CultureInfo.CurrentUICulture, args), key }, statusCode: status);

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("Not multipart/form-data.");
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200) throw new InvalidDataException("No usable boundary.");
        return boundary;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (read > MaxFieldBytes) throw new InvalidDataException("A field is too large.");
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>The typed fields; a number that is not one reads as 0 and is refused by the domain with its own message.</summary>
    private static ProposalFields Fields(IReadOnlyDictionary<string, string> form)
    {
        static string Text(IReadOnlyDictionary<string, string> f, string key) => f.TryGetValue(key, out var v) ? v : "";
        decimal.TryParse(Text(form, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price);
        int.TryParse(Text(form, "days"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days);
        int.TryParse(Text(form, "trainees"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var trainees);
        return new ProposalFields(price, days, trainees, Text(form, "faculty"), Text(form, "outline"));
    }
}
