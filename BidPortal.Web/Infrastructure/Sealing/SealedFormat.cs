using System.Buffers.Binary;

namespace BidPortal.Web.Infrastructure.Sealing;

/// <summary>
/// The layout of a sealed file. AES-GCM cannot stream, so the plaintext is cut into chunks, each
/// sealed on its own: the nonce is a random prefix and the chunk's number, and the authenticated data
/// is the header, the number and whether the chunk is the last. Chunks cannot be reordered, dropped
/// or cut off at a chunk boundary without a tag failing, and any one chunk can be read alone (the
/// read stream seeks, which a DOCX check needs for its zip directory).
/// <code>
/// header: "BPSEAL01" | chunk size (uint32, big-endian) | nonce prefix (8 bytes)
/// chunk i: ciphertext (chunk size, fewer in the last) | tag (16 bytes)
/// </code>
/// </summary>
internal static class SealedFormat
{
    public static ReadOnlySpan<byte> Magic => "BPSEAL01"u8;
    public const int HeaderSize = 8 + 4 + 8;
    public const int TagSize = 16;
    public const int KeySize = 32;
    public const int DefaultChunkSize = 256 * 1024;

    public static byte[] Header(int chunkSize, ReadOnlySpan<byte> noncePrefix)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), (uint)chunkSize);
        noncePrefix.CopyTo(header.AsSpan(12));
        return header;
    }

    public static int ChunkSizeOf(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic)) throw new InvalidDataException("Not a sealed proposal file.");
        var size = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        if (size is 0 or > 16 * 1024 * 1024) throw new InvalidDataException("Bad chunk size in a sealed proposal file.");
        return (int)size;
    }

    public static void Nonce(ReadOnlySpan<byte> header, long index, Span<byte> nonce)
    {
        header.Slice(12, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], checked((uint)index));
    }

    public static byte[] AssociatedData(ReadOnlySpan<byte> header, long index, bool last)
    {
        var data = new byte[HeaderSize + 5];
        header[..HeaderSize].CopyTo(data);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(HeaderSize), checked((uint)index));
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }

    /// <summary>The plaintext length a sealed file of <paramref name="fileLength"/> bytes holds.</summary>
    public static long PlainLength(long fileLength, int chunkSize)
    {
        var body = fileLength - HeaderSize;
        var chunks = Math.Max(1, (body + chunkSize + TagSize - 1) / (chunkSize + TagSize));
        var plain = body - chunks * TagSize;
        if (plain < 0) throw new InvalidDataException("A sealed proposal file is cut short.");
        return plain;
    }

    public static long ChunkCount(long plainLength, int chunkSize) => Math.Max(1, (plainLength + chunkSize - 1) / chunkSize);
}
