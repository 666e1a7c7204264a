using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace BidPortal.Web.Infrastructure.Files;

/// <summary>Files under the data folder, named by a random key, hashed while they are written.</summary>
public sealed class LocalFileStore(IHostEnvironment environment, IOptions<PortalOptions> portal) : IFileStore
{
    private string Root => Path.Combine(DatabaseSetup.DataFolder(environment, portal.Value), "files");

    public async Task<StoredFile> SaveAsync(Stream content, string area, CancellationToken ct = default)
    {
        var key = $"{area}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = File.Create(path))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
        }
        return new StoredFile(key, size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public Stream OpenRead(string key) => File.OpenRead(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key)
    {
        // Keys are ours ("area/hex"); refuse anything that could climb out of the folder.
        if (key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key)) throw new ArgumentException("Bad file key", nameof(key));
        return Path.Combine(Root, key);
    }
}
