
namespace BidPortal.Web.Infrastructure.Files;

public sealed record StoredFile(string Key, long Size, string Sha256);
