namespace MotionControl.Media;

internal sealed class StreamMediaSource(Stream stream, string? fileName) : MediaSource
{
    private readonly object _gate = new();
    private Task<MediaSpool>? _spooling;
    private MediaSpool? _spool;
    private bool _released;

    public override MediaSourceKind Kind => MediaSourceKind.Stream;

    public Stream Stream { get; } = stream;

    /// <summary>Where the caller's stream stood when it was handed over; seekable streams are rewound here before each read.</summary>
    public long? StartPosition { get; } = stream.CanSeek ? stream.Position : null;

    public override string? FileName { get; } = fileName;

    /// <summary>The copy of a non-seekable stream, once <see cref="GetSpoolAsync"/> has finished taking it.</summary>
    public MediaSpool? Spool => Volatile.Read(ref _spool);

    public override string ToString() => FileName is null ? "stream" : $"stream '{FileName}'";

    /// <summary>
    /// The temporary copy of a non-seekable stream, taken once, on the first call: the caller's stream can be read only
    /// once, but the SDK reads it to probe, to send, and again to re-send. A copy that failed (or was cancelled) part-way
    /// cannot be retried, since the stream has been consumed; later calls see the same failure.
    /// </summary>
    public Task<MediaSpool> GetSpoolAsync(CancellationToken cancellationToken)
    {
        Task<MediaSpool> spooling;
        lock (_gate)
        {
            if (_released)
            {
                throw new InvalidOperationException($"The {this} was already read to its end and its copy released; a non-seekable stream serves one submission only.");
            }

            spooling = _spooling ??= SpoolAsync(cancellationToken);
        }

        return spooling.WaitAsync(cancellationToken);
    }

    /// <summary>Deletes the temporary copy now, rather than when its file handle is finalized.</summary>
    public void ReleaseSpool()
    {
        MediaSpool? spool;
        lock (_gate)
        {
            _released = _spooling is not null;
            spool = _spool;
            _spool = null;
        }

        spool?.Dispose();
    }

    private async Task<MediaSpool> SpoolAsync(CancellationToken cancellationToken)
    {
        var spool = await MediaSpool.CreateAsync(Stream, MediaReadLimits.MaxSpoolBytes, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_released)
            {
                Volatile.Write(ref _spool, spool);
                return spool;
            }
        }

        // Released while the copy was being taken: nobody will read it.
        spool.Dispose();
        throw new InvalidOperationException($"The {this} was released while it was being copied.");
    }
}
