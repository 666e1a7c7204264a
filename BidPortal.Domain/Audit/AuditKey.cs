using System.Security.Cryptography;
using System.Text;

namespace BidPortal.Domain.Audit;

/// <summary>
/// The secret the audit chain is signed with. It lives outside the database (configuration or a
/// key file), so whoever can edit the database cannot recompute the hashes after an edit.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumLength = 32;
    private readonly byte[] _key;

    public AuditKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumLength)
            throw new ArgumentException($"The audit key must be at least {MinimumLength} bytes.", nameof(key));
        _key = key.ToArray();
    }

    public static AuditKey FromBase64(string text) => new(Convert.FromBase64String(text.Trim()));

    public static AuditKey NewRandom() => new(RandomNumberGenerator.GetBytes(MinimumLength));

    public string ToBase64() => Convert.ToBase64String(_key);

    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public bool Verify(string text, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(hash));
}
