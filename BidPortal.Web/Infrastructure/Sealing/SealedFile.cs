namespace BidPortal.Web.Infrastructure.Sealing;

/// <param name="StorageKey">The file's generated name under the proposals folder; never the uploader's name.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="Sha256">Of the plaintext, lower-case hex: what the receipt states and the opening checks.</param>
/// <param name="WrappedKey">The file's own AES key, wrapped by Data Protection; useless without the key ring.</param>
public sealed record SealedFile(string StorageKey, long Size, string Sha256, string WrappedKey);
