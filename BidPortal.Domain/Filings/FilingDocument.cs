using BidPortal.Domain.Audit;
namespace BidPortal.Domain.Filings;

public sealed class FilingDocument : IAuditable
{
    public int Id { get; private set; }
    public int FilingId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// <summary>Where the file store keeps the bytes; null for a historical record without a file.</summary>
    public string? StorageKey { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public const int FileNameMaxLength = 260;
    public const int StorageKeyMaxLength = 260;

    private FilingDocument() { }

    internal FilingDocument(DocumentKind kind, string fileName, long size, string sha256, string? storageKey, DateTimeOffset uploadedAt)
    {
        if (string.IsNullOrWhiteSpace(fileName)) throw new DomainException("Field.Required", TextField.File);
        if (size <= 0) throw new DomainException("File.Empty", fileName);
        Bounds.Length("FilingDocument", fileName, FileNameMaxLength, TextField.File);
        Kind = kind;
        FileName = fileName;
        Size = size;
        Sha256 = sha256;
        StorageKey = storageKey;
        UploadedAt = uploadedAt;
    }
}
