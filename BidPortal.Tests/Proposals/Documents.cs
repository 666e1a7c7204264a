using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BidPortal.Tests.Proposals;

/// <summary>Zips that look like Word files, honest and not.</summary>
public static class Documents
{
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        return buffer.ToArray();
    }

    public static byte[] Docx(string text = "<w:document>方案</w:document>") =>
        Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", text));

    /// <summary>A small zip whose word/document.xml declares it unpacks to 2 GB.</summary>
    public static byte[] DeclaredBomb()
    {
        var bytes = Docx();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), 0x7FFF_FFF0);
            if (signature == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), 0x7FFF_FFF0);
        }
        return bytes;
    }

    /// <summary>The Word parts and more entries than a Word file ever has.</summary>
    public static byte[] TooManyEntries(int count) =>
        Zip([("word/document.xml", "<w:document/>"), .. Enumerable.Range(0, count).Select(i => ($"word/media/{i}.txt", ""))]);

    public static byte[] ZipWithoutWord() => Zip(("readme.txt", "not a Word document"), ("data/sheet.csv", "1,2,3"));
}
