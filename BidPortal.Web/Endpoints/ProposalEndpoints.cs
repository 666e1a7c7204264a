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
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Diagnostics;
using BidPortal.Domain.Proposals;

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

        // The same document shown inside the evaluator's scoring page: same access as the download, inline, and for
        // this response only the portal itself may frame it (every other response keeps frame-ancestors 'none').
        app.MapGet("/files/proposals/{versionId:int}/view", (int versionId, HttpContext http, Proposals proposals) =>
            EndpointAccess.AsActorAsync(http, async actor =>
            {
                var download = await proposals.OpenDocumentAsync(actor, versionId, http.RequestAborted);
                SecurityHeaders.AllowFramingBySelf(http.Response);
                http.Response.Headers.CacheControl = "no-store";
                var disposition = new ContentDispositionHeaderValue("inline");
                disposition.SetHttpFileName(download.FileName);
                http.Response.Headers.ContentDisposition = disposition.ToString();
                return Results.Stream(download.Content, download.ContentType, enableRangeProcessing: false);
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

    private static async Task<IResult> UploadAsync(int projectId, HttpContext http, Proposals proposals, IAntiforgery antiforgery,
        IOptions<AntiforgeryOptions> antiforgeryOptions)
    {
        // The page reads JSON answers: no status page is substituted for a refusal (re-executing one would
        // also try to read the body again).
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
        var sizeLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false }) sizeLimit.MaxRequestBodySize = proposals.MaxBytes + 1024 * 1024;
        var result = await ReceiveAsync(projectId, http, proposals, antiforgery, antiforgeryOptions.Value);
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

    private static async Task<IResult> ReceiveAsync(int projectId, HttpContext http, Proposals proposals, IAntiforgery antiforgery,
        AntiforgeryOptions antiforgeryOptions)
    {
        // The token must come in the header: without it, validation would fall back to reading the whole form.
        if (antiforgeryOptions.HeaderName is not { } header || !http.Request.Headers.ContainsKey(header))
            return Refused(StatusCodes.Status400BadRequest, "Upload.Expired");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused(StatusCodes.Status400BadRequest, "Upload.Expired");
        }

        var actor = http.User.ToActor();
        try
        {
            var boundary = Boundary(http.Request.ContentType);
            var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    throw new InvalidDataException("A part without a disposition.");
                if (disposition.IsFileDisposition())
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
                    var receipt = await proposals.SubmitAsync(actor, projectId, Fields(fields), fileName, section.Body, http.RequestAborted);
                    return Results.Ok(receipt);
                }
                // Only the five known fields, each once and bounded: nothing else is held in memory.
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!FieldNames.Contains(name) || fields.ContainsKey(name)) throw new InvalidDataException("An unknown or repeated field.");
                fields[name] = await ReadFieldAsync(name, section.Body, http.RequestAborted);
            }
            throw new DomainException("Upload.NoFile");
        }
        catch (DomainException e) when (AccessPolicy.IsDenied(e))
        {
            return Refused(StatusCodes.Status403Forbidden, "Upload.NotAllowed");
        }
        catch (DomainException e) when (AccessPolicy.IsNotFound(e))
        {
            return Refused(StatusCodes.Status404NotFound, "Upload.NoSuchProject");
        }
        catch (DomainException e)
        {
            return Results.BadRequest(new { message = e.MessageIn(CultureInfo.CurrentUICulture), key = e.Key });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, "Seal.TooLarge", proposals.MaxBytes / 1024 / 1024);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A malformed or cut multipart body: nothing was recorded (the vault deletes what it wrote).
            return Refused(StatusCodes.Status400BadRequest, "Upload.Malformed");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The person cancelled or the connection dropped: nobody is left to answer.
            return Results.Empty;
        }
    }

    private static readonly HashSet<string> FieldNames = new(StringComparer.Ordinal) { "price", "days", "trainees", "faculty", "outline" };

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

    private static async Task<string> ReadFieldAsync(string name, Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (read <= MaxFieldBytes) return Encoding.UTF8.GetString(buffer, 0, read);
        // A text far past its limit gets the same message as one just past it.
        throw name switch
        {
            "faculty" => new DomainException("Proposal.TooLong", TextField.Faculty, ProposalVersion.FacultyMaxLength),
            "outline" => new DomainException("Proposal.TooLong", TextField.CourseOutline, ProposalVersion.OutlineMaxLength),
            _ => new InvalidDataException("A field is too large."),
        };
    }

    /// <summary>The typed fields: plain numbers only ("1,0,0" is not a price); a missing or unreadable one is asked for by name.</summary>
    private static ProposalFields Fields(IReadOnlyDictionary<string, string> form)
    {
        static string Text(IReadOnlyDictionary<string, string> f, string key) => f.TryGetValue(key, out var v) ? v.Trim() : "";
        const NumberStyles plain = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
        if (!decimal.TryParse(Text(form, "price"), plain, CultureInfo.InvariantCulture, out var price))
            throw new DomainException("Proposal.NumberNeeded", TextField.Price);
        if (!int.TryParse(Text(form, "days"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days))
            throw new DomainException("Proposal.NumberNeeded", TextField.Days);
        if (!int.TryParse(Text(form, "trainees"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var trainees))
            throw new DomainException("Proposal.NumberNeeded", TextField.Trainees);
        return new ProposalFields(price, days, trainees, Text(form, "faculty"), Text(form, "outline"));
    }
}
