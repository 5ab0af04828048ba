namespace MotionControl.Testing;

/// <summary>
/// A write-only pass-through that accepts at most <c>limit</c> bytes, then cancels <c>cut</c> and refuses further writes:
/// how a streamed reply is cut off mid-body (<see cref="FaultKind.AbortMidBody"/>).
/// </summary>
internal sealed class CutOffStream(Stream inner, long limit, CancellationTokenSource cut) : Stream
{
    private long _remaining = limit;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // Synchronous all the way, like the stream it wraps (Kestrel's response body refuses synchronous writes unless
    // AllowSynchronousIO is set), rather than blocking on the asynchronous path.
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var take = Take(buffer.Length);
        if (take > 0)
        {
            inner.Write(buffer[..take]);
            _remaining -= take;
        }

        if (take < buffer.Length || _remaining == 0)
        {
            cut.Cancel();
            throw CutOff();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var take = Take(buffer.Length);
        if (take > 0)
        {
            await inner.WriteAsync(buffer[..take], cancellationToken).ConfigureAwait(false);
            _remaining -= take;
        }

        if (take < buffer.Length || _remaining == 0)
        {
            await cut.CancelAsync().ConfigureAwait(false);
            throw CutOff();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Take(int length) => (int)Math.Min(length, _remaining);

    private OperationCanceledException CutOff() => new("the reply is cut off here", cut.Token);
}
