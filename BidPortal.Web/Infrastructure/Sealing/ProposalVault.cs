using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BidPortal.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Sealing;

/// <summary>
/// Proposals at rest (step 5): each file is encrypted with AES-GCM under a key of its own, and that
/// key is wrapped with ASP.NET Core Data Protection, whose key ring is itself encrypted in the
/// database. The files live under <c>&lt;data folder&gt;/proposals/</c>, named by a random key. The
/// plaintext is streamed through — never held whole — and hashed on the way for the receipt.
/// </summary>
public sealed partial class ProposalVault(IHostEnvironment environment, IOptions<PortalOptions> portal, IDataProtectionProvider protection)
{
    private const string Purpose = "BidPortal.Proposals.FileKey.v1";
    private const string PartialSuffix = ".partial";
    private const string SealedSuffix = ".sealed";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>Plaintext bytes per sealed chunk; small values let tests cross many chunk boundaries.</summary>
    public int ChunkSize { get; init; } = SealedFormat.DefaultChunkSize;

    public string Folder => Path.Combine(DatabaseSetup.DataFolder(environment, portal.Value), "proposals");

    /// <summary>
    /// Seals <paramref name="plaintext"/> into a synced partial file. More than <paramref name="maxBytes"/>
    /// stops the copy at once, deletes what was written and refuses with the limit.
    /// </summary>
    public async Task<PendingSeal> SealAsync(Stream plaintext, long maxBytes, CancellationToken ct = default)
    {
        var chunkSize = ChunkSize;
        Directory.CreateDirectory(Folder);
        var storageKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var partial = Path.Combine(Folder, storageKey + PartialSuffix);
        var key = RandomNumberGenerator.GetBytes(SealedFormat.KeySize);
        try
        {
            var header = SealedFormat.Header(chunkSize, RandomNumberGenerator.GetBytes(8));
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var aes = new AesGcm(key, SealedFormat.TagSize);
            long size = 0;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await file.WriteAsync(header, ct);
                // Read one chunk ahead: a chunk is sealed as the last only when nothing follows it.
                var current = new byte[chunkSize];
                var next = new byte[chunkSize];
                var cipher = new byte[chunkSize + SealedFormat.TagSize];
                var nonce = new byte[12];
                var currentLength = await plaintext.ReadAtLeastAsync(current, chunkSize, throwOnEndOfStream: false, ct);
                for (long index = 0; ; index++)
                {
                    size += currentLength;
                    if (size > maxBytes) throw new DomainException("Seal.TooLarge", Megabytes(maxBytes));
                    sha.AppendData(current, 0, currentLength);
                    var nextLength = currentLength == chunkSize
                        ? await plaintext.ReadAtLeastAsync(next, chunkSize, throwOnEndOfStream: false, ct)
                        : 0;
                    var last = nextLength == 0;
                    SealedFormat.Nonce(header, index, nonce);
                    aes.Encrypt(nonce, current.AsSpan(0, currentLength), cipher.AsSpan(0, currentLength),
                        cipher.AsSpan(currentLength, SealedFormat.TagSize), SealedFormat.AssociatedData(header, index, last));
                    await file.WriteAsync(cipher.AsMemory(0, currentLength + SealedFormat.TagSize), ct);
                    if (last) break;
                    (current, next) = (next, current);
                    currentLength = nextLength;
                }
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            var wrapped = Convert.ToBase64String(_protector.Protect(key));
            return new PendingSeal(this, partial, new SealedFile(storageKey, size, Convert.ToHexStringLower(sha.GetHashAndReset()), wrapped));
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The plaintext of a stored proposal, decrypted as it is read.</summary>
    public Stream OpenRead(string storageKey, string wrappedKey) => OpenPath(PathOf(storageKey), wrappedKey);

    /// <summary>
    /// Whether a stored file still decrypts, whole, to the bytes its receipt hashed. A changed byte,
    /// a cut, a missing file or a key that no longer unwraps is a mismatch — flagged, never accepted.
    /// </summary>
    public async Task<bool> MatchesAsync(string storageKey, string wrappedKey, string sha256, CancellationToken ct = default)
    {
        try
        {
            await using var stream = OpenRead(storageKey, wrappedKey);
            var hash = await SHA256.HashDataAsync(stream, ct);
            return string.Equals(Convert.ToHexStringLower(hash), sha256, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is CryptographicException or IOException or InvalidDataException)
        {
            return false;
        }
    }

    public void Delete(string storageKey)
    {
        var path = PathOf(storageKey);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>
    /// The storage keys of committed files last written before <paramref name="before"/> (all, by default),
    /// to find files no proposal records.
    /// </summary>
    public IEnumerable<string> StoredKeys(DateTimeOffset? before = null) => Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*" + SealedSuffix)
            .Where(p => before is null || File.GetLastWriteTimeUtc(p) < before.Value.UtcDateTime)
            .Select(p => Path.GetFileNameWithoutExtension(p)).Where(k => KeyPattern().IsMatch(k))
        : [];

    /// <summary>
    /// Deletes partial files an interrupted upload or a crash left, last written before <paramref name="before"/>
    /// (all, by default); run at start. The cut-off spares an upload another node is still writing.
    /// </summary>
    public int DeletePartials(DateTimeOffset? before = null)
    {
        if (!Directory.Exists(Folder)) return 0;
        var partials = Directory.GetFiles(Folder, "*" + PartialSuffix)
            .Where(p => before is null || File.GetLastWriteTimeUtc(p) < before.Value.UtcDateTime).ToList();
        foreach (var path in partials) File.Delete(path);
        return partials.Count;
    }

    internal string PathOf(string storageKey) =>
        KeyPattern().IsMatch(storageKey)
            ? Path.Combine(Folder, storageKey + SealedSuffix)
            : throw new ArgumentException("Not a proposal storage key.", nameof(storageKey));

    internal SealedReadStream OpenPath(string path, string wrappedKey)
    {
        var key = _protector.Unprotect(Convert.FromBase64String(wrappedKey));
        try
        {
            return new SealedReadStream(path, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
