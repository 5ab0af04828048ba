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

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var take = (int)Math.Min(buffer.Length, _remaining);
        if (take > 0)
        {
            await inner.WriteAsync(buffer[..take], cancellationToken).ConfigureAwait(false);
            _remaining -= take;
        }

        if (take < buffer.Length || _remaining == 0)
        {
            await cut.CancelAsync().ConfigureAwait(false);
            throw new OperationCanceledException("the reply is cut off here", cut.Token);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
