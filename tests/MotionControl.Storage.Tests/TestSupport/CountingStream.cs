namespace MotionControl.Storage.Tests.TestSupport;

/// <summary>
/// A read-only, seekable wrapper that counts what a reader pulls: total bytes and the largest single read; it also tells
/// <c>onRead</c> the total after each read (the storage benchmark samples memory from there).
/// </summary>
internal sealed class CountingStream(Stream inner, Action<long>? onRead = null) : Stream
{
    private long _bytesRead;
    private int _largestRead;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public int LargestRead => Volatile.Read(ref _largestRead);

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => inner.Position = value; }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        var total = Interlocked.Add(ref _bytesRead, read);
        onRead?.Invoke(total);
        int seen;
        while (read > (seen = Volatile.Read(ref _largestRead)) && Interlocked.CompareExchange(ref _largestRead, read, seen) != seen)
        {
        }

        return read;
    }
}
