using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BidPortal.Web.Infrastructure.Invitations;

/// <summary>
/// The acknowledgement link in an invitation mail: signed and encrypted with the data-protection key
/// ring, good for one purpose only (acknowledging these invitations for this institution), and
/// expiring at the bidding deadline.
/// </summary>
public sealed class InvitationLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("BidPortal.Invitations.Acknowledge.v1");

    public string Create(int institutionId, IEnumerable<int> invitationIds, DateTimeOffset expires) =>
        _protector.Protect(string.Join('|', institutionId.ToString(CultureInfo.InvariantCulture),
            string.Join(',', invitationIds), expires.UtcTicks.ToString(CultureInfo.InvariantCulture)));

    public AckLink Read(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return new AckLink(LinkState.Tampered, 0, []);
        }
        var parts = payload.Split('|');
        var institution = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int[] ids = [.. parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => int.Parse(i, CultureInfo.InvariantCulture))];
        var expires = new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new AckLink(clock.GetUtcNow() >= expires ? LinkState.Expired : LinkState.Valid, institution, ids);
    }
}
