namespace BidPortal.Tests.Proposals;

/// <summary>A client body that stops after <c>limit</c> bytes: throws, or cancels the request, as a dropped connection would.</summary>
public sealed class ThrowingStream(byte[] head, long limit, CancellationTokenSource? cancel = null) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= limit)
        {
            if (cancel is null) throw new IOException("The connection dropped.");
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
        }
        var n = (int)Math.Min(Math.Min(buffer.Length, 64 * 1024), limit - _position);
        buffer[..n].Clear();
        if (_position < head.Length) head.AsSpan((int)_position, Math.Min(n, head.Length - (int)_position)).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
