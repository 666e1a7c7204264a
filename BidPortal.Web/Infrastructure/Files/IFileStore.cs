
namespace BidPortal.Web.Infrastructure.Files;

/// <summary>Where uploaded documents live. A seam for tests and for other storage later.</summary>
public interface IFileStore
{
    Task<StoredFile> SaveAsync(Stream content, string area, CancellationToken ct = default);
    Stream OpenRead(string key);
    void Delete(string key);
}
