using BidPortal.Domain;
using BidPortal.Domain.Access;
using BidPortal.Web.Infrastructure;

namespace BidPortal.Web.Endpoints;

/// <summary>
/// A download runs as the signed-in person, and the feature service asks the access policy; its
/// refusal becomes the status a browser or a script understands: 403 for another's record, 404 for none.
/// </summary>
public static class EndpointAccess
{
    public static async Task<IResult> AsActorAsync(HttpContext http, Func<Actor, Task<IResult>> action)
    {
        try
        {
            return await action(http.User.ToActor());
        }
        catch (DomainException e) when (AccessPolicy.IsDenied(e))
        {
            return Results.Forbid();
        }
        catch (DomainException e) when (AccessPolicy.IsNotFound(e))
        {
            return Results.NotFound();
        }
        catch (DomainException e)
        {
            // Any other refusal is said in words, in the reader's language, never as an error page.
            return Results.Text(e.MessageIn(System.Globalization.CultureInfo.CurrentUICulture), "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status409Conflict);
        }
    }
}
