using System.IO.Compression;
using BidPortal.Domain;

namespace BidPortal.Web.Infrastructure.Files;

/// <summary>
/// The one check of what an uploaded document is. The bytes decide: a PDF starts with <c>%PDF-</c>;
/// Word and Excel files are zips holding <c>word/document.xml</c> or <c>xl/workbook.xml</c> (and a
/// zip that unpacks to too much is refused); the old .doc/.xls are OLE2 files. The name's extension
/// must agree with what the bytes are. Downloads take their content type from the kind found here.
/// </summary>
public static class FileTypes
{
    public static readonly IReadOnlyList<string> Extensions = [".pdf", ".doc", ".docx", ".xls", ".xlsx"];

    /// <summary>A Word or Excel zip with more entries than this is refused.</summary>
    public const int MaxZipEntries = 2_000;

    /// <summary>Nor one that unpacks to more than this in all.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static string ContentType(DocumentFileKind kind) => kind switch
    {
        DocumentFileKind.Pdf => "application/pdf",
        DocumentFileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        DocumentFileKind.Doc => "application/msword",
        DocumentFileKind.Xls => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    };

    /// <summary>The kind a stored file name says (the name was checked against the bytes on upload).</summary>
    public static DocumentFileKind? KindOfName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => DocumentFileKind.Pdf,
        ".docx" => DocumentFileKind.Docx,
        ".xlsx" => DocumentFileKind.Xlsx,
        ".doc" => DocumentFileKind.Doc,
        ".xls" => DocumentFileKind.Xls,
        _ => null,
    };

    /// <summary>
    /// Reads the whole upload into a seekable buffer (bounded by <paramref name="maxBytes"/>), decides
    /// its kind from the bytes and returns the buffer at position 0. Throws a <see cref="DomainException"/>
    /// with the reason when the file is empty, too large, or not what its name says.
    /// </summary>
    public static async Task<(DocumentFileKind Kind, MemoryStream Content)> CheckAsync(Stream content, string fileName, long maxBytes,
        CancellationToken ct = default)
    {
        var named = KindOfName(fileName) ?? throw new DomainException("Upload.BadType", fileName);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                throw new DomainException("Upload.TooLarge", fileName, maxBytes / 1024 / 1024);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        try
        {
            if (buffer.Length == 0) throw new DomainException("File.Empty", fileName);
            var found = Detect(buffer, fileName);
            if (found != named) throw new DomainException("Upload.NotWhatItSays", fileName);
            buffer.Position = 0;
            return (found, buffer);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the bytes are; a file that is none of the accepted kinds is refused.</summary>
    public static DocumentFileKind Detect(Stream content, string fileName)
    {
        var head = new byte[8];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var start = head.AsSpan(0, n);
        if (start.StartsWith(PdfMagic)) return DocumentFileKind.Pdf;
        if (start.StartsWith(Ole2Magic))
            return Path.GetExtension(fileName).Equals(".xls", StringComparison.OrdinalIgnoreCase) ? DocumentFileKind.Xls : DocumentFileKind.Doc;
        if (start.StartsWith(ZipMagic)) return OfficeZip(content, fileName);
        throw new DomainException("Upload.NotWhatItSays", fileName);
    }

    private static DocumentFileKind OfficeZip(Stream content, string fileName)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries) throw new DomainException("Upload.ArchiveTooLarge", fileName);
            long unpacked = 0;
            bool word = false, excel = false;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes || entry.Length < 0) throw new DomainException("Upload.ArchiveTooLarge", fileName);
                word |= entry.FullName == "word/document.xml";
                excel |= entry.FullName == "xl/workbook.xml";
            }
            if (word) return DocumentFileKind.Docx;
            if (excel) return DocumentFileKind.Xlsx;
            throw new DomainException("Upload.NotWhatItSays", fileName);
        }
        catch (InvalidDataException)
        {
            throw new DomainException("Upload.NotWhatItSays", fileName);
        }
        finally
        {
            content.Position = 0;
        }
    }
}
