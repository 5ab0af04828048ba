using System.Globalization;

namespace MotionControl.Media.Remote;

/// <summary>
/// What one remote pre-flight may cost: bytes of bodies received and requests sent. Past either, reading stops and the
/// URL is "not checked remotely" (<see cref="RemoteMediaUncheckedException"/>).
/// </summary>
internal sealed class RemoteReadBudget(long maxBytes, int maxRequests)
{
    /// <summary>The default bytes per URL: 1 MiB (a moov-at-end MP4's header costs tens of KiB; see docs/performance.md).</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>The default requests per URL (HEAD included): enough for a fragmented file with a few dozen fragments.</summary>
    public const int DefaultMaxRequests = 48;

    public long MaxBytes { get; } = maxBytes;

    public int MaxRequests { get; } = maxRequests;

    public long BytesFetched { get; private set; }

    public int Requests { get; private set; }

    /// <summary>Counts a request about to be sent; throws when none is left.</summary>
    public void TakeRequest()
    {
        if (Requests >= MaxRequests)
        {
            throw new RemoteMediaUncheckedException(string.Create(CultureInfo.InvariantCulture,
                $"reading its headers would take more than {MaxRequests} requests"));
        }

        Requests++;
    }

    /// <summary>True when <paramref name="count"/> more bytes fit.</summary>
    public bool Fits(long count) => BytesFetched + count <= MaxBytes;

    /// <summary>Counts bytes received; throws when they exceed the budget.</summary>
    public void Take(long count)
    {
        BytesFetched += count;
        if (BytesFetched > MaxBytes)
        {
            throw Exhausted();
        }
    }

    public RemoteMediaUncheckedException Exhausted() =>
        new(string.Create(CultureInfo.InvariantCulture, $"reading its headers would take more than {MaxBytes / 1024:N0} KiB"));
}
