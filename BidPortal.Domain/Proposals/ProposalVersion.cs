using BidPortal.Domain.Audit;

namespace BidPortal.Domain.Proposals;

/// <summary>One upload of a proposal, and its receipt (number, server time, size, SHA-256).</summary>
public sealed class ProposalVersion : IAuditable
{
    public const int FileNameMaxLength = 200;
    public const int FacultyMaxLength = 4000;
    public const int OutlineMaxLength = 8000;
    public const decimal MaxPrice = 100_000_000m;
    public const int MaxDays = 365;
    public const int MaxTrainees = 10_000;

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public int Number { get; private set; }
    public string ReceiptNumber { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public string FileName { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string? StorageKey { get; private set; }
    /// <summary>The file's own AES key, wrapped by Data Protection (null for a record without a sealed file).</summary>
    public string? WrappedKey { get; private set; }
    public decimal Price { get; private set; }
    public int Days { get; private set; }
    public int Trainees { get; private set; }
    public string Faculty { get; private set; } = "";
    public string CourseOutline { get; private set; } = "";

    private ProposalVersion() { }

    internal ProposalVersion(int number, string receiptNumber, DateTimeOffset receivedAt, ProposalUpload upload)
    {
        Number = number;
        ReceiptNumber = receiptNumber;
        ReceivedAt = receivedAt;
        FileName = upload.FileName;
        Size = upload.Size;
        Sha256 = upload.Sha256;
        StorageKey = upload.StorageKey;
        WrappedKey = upload.WrappedKey;
        Price = upload.Price;
        Days = upload.Days;
        Trainees = upload.Trainees;
        Faculty = upload.Faculty.Trim();
        CourseOutline = upload.CourseOutline.Trim();
    }
}
