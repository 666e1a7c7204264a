using System.IO.Compression;
using System.Text;

namespace BidPortal.Web.Features.Filings;

/// <summary>
/// The checks an import file passes before any reader parses it: an .xlsx must be a zip of sensible
/// size with no XML DOCTYPE or entity declarations (which could expand without end); a .csv must not
/// carry them either. A refusal is an <see cref="ImportRefusedException"/> the importer turns into a message.
/// </summary>
public static class ImportFileCheck
{
    public const int MaxZipEntries = 1_000;
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>How far into each XML part a declaration is looked for (it can only stand before the root element).</summary>
    private const int PrologBytes = 64 * 1024;

    private static readonly byte[][] Declarations = ["<!DOCTYPE"u8.ToArray(), "<!ENTITY"u8.ToArray()];

    public static void CheckXlsx(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries) throw new ImportRefusedException(ImportRefusal.Unreadable);
            long unpacked = 0;
            var prolog = new byte[PrologBytes];
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                if (unpacked > MaxUnpackedBytes) throw new ImportRefusedException(ImportRefusal.TooLarge);
                if (!(entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                      || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))) continue;
                using var part = entry.Open();
                var n = part.ReadAtLeast(prolog, prolog.Length, throwOnEndOfStream: false);
                CheckText(prolog.AsSpan(0, n));
            }
            if (zip.GetEntry("xl/workbook.xml") is null) throw new ImportRefusedException(ImportRefusal.Unreadable);
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(ImportRefusal.Unreadable);
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Refuses text that declares a DOCTYPE or an entity, in UTF-8 or in UTF-16.</summary>
    public static void CheckText(ReadOnlySpan<byte> bytes)
    {
        foreach (var declaration in Declarations)
        {
            if (ContainsIgnoreCase(bytes, declaration)) throw new ImportRefusedException(ImportRefusal.Doctype);
            var wide = Encoding.Unicode.GetBytes(Encoding.ASCII.GetString(declaration));
            if (ContainsIgnoreCase(bytes, wide)) throw new ImportRefusedException(ImportRefusal.Doctype);
        }
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
                match = needle[j] == 0 ? haystack[i + j] == 0 : char.ToUpperInvariant((char)haystack[i + j]) == (char)needle[j];
            if (match) return true;
        }
        return false;
    }
}
