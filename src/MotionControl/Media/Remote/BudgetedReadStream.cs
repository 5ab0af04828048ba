using System.Globalization;

namespace MotionControl.Media.Remote;

/// <summary>A forward-only view of a response body that counts what it reads against the pre-flight's byte budget.</summary>
internal sealed class BudgetedReadStream(Stream inner, RemoteReadBudget budget, string exhaustedReason) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var room = budget.MaxBytes - budget.BytesFetched;
        if (room <= 0)
        {
            throw new RemoteMediaUncheckedException(string.Create(CultureInfo.InvariantCulture, $"{exhaustedReason} {budget.MaxBytes / 1024:N0} KiB"));
        }

        int read;
        try
        {
            read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, room)], cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // A connection cut off is the network's problem, not the file's: not checked, rather than "unreadable".
            throw new RemoteMediaUncheckedException($"reading it failed: {ex.Message}", ex);
        }

        budget.Take(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

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

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
