namespace MotionControl.Downloads;

/// <summary>
/// A write-only pass-through that counts the bytes written to <c>inner</c> and reports the running total to
/// <c>progress</c> after each write. The inner stream is not disposed.
/// </summary>
internal sealed class CountingWriteStream(Stream inner, IProgress<long>? progress) : Stream
{
    /// <summary>The bytes written so far.</summary>
    public long Written { get; private set; }

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

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Advance(buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var writing = inner.WriteAsync(buffer, cancellationToken);
        if (writing.IsCompletedSuccessfully)
        {
            writing.GetAwaiter().GetResult();
            Advance(buffer.Length);
            return ValueTask.CompletedTask;
        }

        return AfterAsync(writing, buffer.Length);
    }

    private async ValueTask AfterAsync(ValueTask writing, int count)
    {
        await writing.ConfigureAwait(false);
        Advance(count);
    }

    private void Advance(int count)
    {
        Written += count;
        progress?.Report(Written);
    }
}
