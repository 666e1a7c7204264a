using System.Security.Cryptography;
using System.Text;

namespace BidPortal.Bench;

/// <summary>
/// A proposal of a given size generated as it is read — a PDF header, then seeded random bytes — and
/// hashed on the way, so the client knows the SHA-256 it sent without ever holding the file.
/// </summary>
public sealed class GeneratedDocumentStream : Stream
{
    private const int BlockSize = 1024 * 1024;
    private readonly byte[] _block = new byte[BlockSize];
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _size;
    private long _position;

    public GeneratedDocumentStream(long size, int seed)
    {
        _size = size;
        new Random(seed).NextBytes(_block);
        Encoding.ASCII.GetBytes($"%PDF-1.7\n% benchmark upload {seed}\n").CopyTo(_block, 0);
    }

    /// <summary>The hash of every byte read, once the stream has been read to its end.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>Writes the same bytes to <paramref name="target"/> (the raw-write comparison).</summary>
    public static void WriteTo(Stream target, long size, int seed)
    {
        using var document = new GeneratedDocumentStream(size, seed);
        var buffer = new byte[BlockSize];
        int n;
        while ((n = document.Read(buffer, 0, buffer.Length)) > 0) target.Write(buffer, 0, n);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, _size - _position);
        var written = 0;
        while (written < n)
        {
            var inBlock = (int)((_position + written) % BlockSize);
            var take = Math.Min(n - written, BlockSize - inBlock);
            _block.AsSpan(inBlock, take).CopyTo(buffer[written..]);
            written += take;
        }
        if (n > 0) _sha.AppendData(buffer[..n]);
        _position += n;
        if (_position == _size && Sha256 is null) Sha256 = Convert.ToHexStringLower(_sha.GetHashAndReset());
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _size;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha.Dispose();
        base.Dispose(disposing);
    }
}
