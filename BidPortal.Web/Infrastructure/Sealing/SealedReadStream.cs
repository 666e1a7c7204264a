using System.Security.Cryptography;

namespace BidPortal.Web.Infrastructure.Sealing;

/// <summary>
/// Reads a sealed file as its plaintext, one chunk at a time, and seeks. A chunk whose tag fails
/// throws <see cref="AuthenticationTagMismatchException"/>: a changed byte is never read as data.
/// </summary>
public sealed class SealedReadStream : Stream
{
    private readonly FileStream _file;
    private readonly AesGcm _aes;
    private readonly byte[] _header = new byte[SealedFormat.HeaderSize];
    private readonly int _chunkSize;
    private readonly long _length;
    private readonly long _chunks;
    private readonly byte[] _cipher;
    private readonly byte[] _plain;
    private long _loadedChunk = -1;
    private int _loadedLength;
    private long _position;

    internal SealedReadStream(string path, byte[] key)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        try
        {
            _file.ReadExactly(_header);
            _chunkSize = SealedFormat.ChunkSizeOf(_header);
            _length = SealedFormat.PlainLength(_file.Length, _chunkSize);
            _chunks = SealedFormat.ChunkCount(_length, _chunkSize);
            _cipher = new byte[_chunkSize + SealedFormat.TagSize];
            _plain = new byte[_chunkSize];
            _aes = new AesGcm(key, SealedFormat.TagSize);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _length || buffer.IsEmpty) return 0;
        var index = _position / _chunkSize;
        Load(index);
        var within = (int)(_position - index * _chunkSize);
        var n = Math.Min(buffer.Length, _loadedLength - within);
        _plain.AsSpan(within, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => _length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _aes?.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }
        base.Dispose(disposing);
    }

    private void Load(long index)
    {
        if (index == _loadedChunk) return;
        var last = index == _chunks - 1;
        var plainLength = (int)(last ? _length - index * _chunkSize : _chunkSize);
        _file.Position = SealedFormat.HeaderSize + index * (_chunkSize + SealedFormat.TagSize);
        _file.ReadExactly(_cipher.AsSpan(0, plainLength + SealedFormat.TagSize));
        Span<byte> nonce = stackalloc byte[12];
        SealedFormat.Nonce(_header, index, nonce);
        _loadedChunk = -1;
        _aes.Decrypt(nonce, _cipher.AsSpan(0, plainLength), _cipher.AsSpan(plainLength, SealedFormat.TagSize),
            _plain.AsSpan(0, plainLength), SealedFormat.AssociatedData(_header, index, last));
        _loadedChunk = index;
        _loadedLength = plainLength;
    }
}
