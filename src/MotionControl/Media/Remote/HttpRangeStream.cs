using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MotionControl.Http;

namespace MotionControl.Media.Remote;

/// <summary>
/// A read-only, seekable view of a remote file read through HTTP range requests: reads fetch aligned blocks of
/// <see cref="BlockSize"/> bytes (a run of missing blocks in one ranged GET) and keep the last few, so the probe's seeks
/// over the media data cost nothing and its small header reads one request per region. Every request passes the SSRF
/// guard and counts against the <see cref="RemoteReadBudget"/>.
/// </summary>
/// <remarks>
/// HttpClient has no ranged, seekable stream; this is the small piece that maps the probe's seeks onto ranges. Only
/// asynchronous reads are supported (the probe reads asynchronously).
/// </remarks>
internal sealed class HttpRangeStream : ReadOnlySeekableStream
{
    /// <summary>Bytes per block: a box header region and a JPEG's first segments fit in one.</summary>
    public const int BlockSize = 16 * 1024;

    private const int MaxCachedBlocks = 8;

    private readonly HttpClient _http;
    private readonly RemoteMediaGuard _guard;
    private readonly RemoteReadBudget _budget;
    private readonly Dictionary<long, byte[]> _blocks = [];
    private readonly Queue<long> _order = new();
    private Uri _uri;
    private long _position;

    public HttpRangeStream(HttpClient http, RemoteMediaGuard guard, Uri uri, long length, RemoteReadBudget budget)
    {
        _http = http;
        _guard = guard;
        _uri = uri;
        _budget = budget;
        Length = length;
    }

    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Keeps a block already received (the first ranged GET's reply).</summary>
    public void Seed(long index, byte[] block) => Keep(index, block);

    public override int Read(Span<byte> buffer) =>
        throw new NotSupportedException("A remote file is read asynchronously only.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var count = (int)Math.Min(buffer.Length, Length - _position);
        var first = _position / BlockSize;
        var last = (_position + count - 1) / BlockSize;
        await EnsureAsync(first, last, cancellationToken).ConfigureAwait(false);

        var copied = 0;
        for (var index = first; index <= last; index++)
        {
            var block = _blocks[index];
            var offset = (int)((_position + copied) - (index * BlockSize));
            var take = Math.Min(block.Length - offset, count - copied);
            block.AsMemory(offset, take).CopyTo(buffer[copied..]);
            copied += take;
        }

        _position += copied;
        return copied;
    }

    /// <summary>Fetches the missing blocks of <paramref name="first"/>..<paramref name="last"/>, each run of them in one GET.</summary>
    private async ValueTask EnsureAsync(long first, long last, CancellationToken cancellationToken)
    {
        var index = first;
        while (index <= last)
        {
            if (_blocks.ContainsKey(index))
            {
                index++;
                continue;
            }

            var runEnd = index;
            while (runEnd < last && !_blocks.ContainsKey(runEnd + 1))
            {
                runEnd++;
            }

            await FetchAsync(index, runEnd, cancellationToken).ConfigureAwait(false);
            index = runEnd + 1;
        }
    }

    private async Task FetchAsync(long firstBlock, long lastBlock, CancellationToken cancellationToken)
    {
        var from = firstBlock * BlockSize;
        var to = Math.Min(Length, (lastBlock + 1) * BlockSize) - 1;
        var expected = to - from + 1;
        if (!_budget.Fits(expected))
        {
            throw _budget.Exhausted();
        }

        _budget.TakeRequest();
        var (response, answered) = await GuardedHttp.SendAsync(_http, _guard, _uri, uri => RangeRequest(uri, from, to), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using (response)
        {
            _uri = answered;
            if (response.StatusCode != HttpStatusCode.PartialContent || response.Content.Headers.ContentRange is not { From: { } start } || start != from)
            {
                throw new RemoteMediaUncheckedException(string.Create(CultureInfo.InvariantCulture,
                    $"the server answered a range request with HTTP {(int)response.StatusCode} instead of the range"));
            }

            var bytes = new byte[expected];
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                int read;
                try
                {
                    read = await body.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    // A connection cut off is the network's problem, not the file's: not checked, rather than "unreadable".
                    throw new RemoteMediaUncheckedException($"reading it failed: {ex.Message}", ex);
                }

                _budget.Take(read);
                if (read < bytes.Length)
                {
                    throw new RemoteMediaUncheckedException("the server's range reply ended early");
                }
            }

            for (var index = firstBlock; index <= lastBlock; index++)
            {
                var offset = (int)((index - firstBlock) * BlockSize);
                Keep(index, bytes.AsSpan(offset, (int)Math.Min(BlockSize, expected - offset)).ToArray());
            }
        }
    }

    /// <summary>A ranged GET of bytes <paramref name="from"/>..<paramref name="to"/>, identity-encoded (ranges count raw bytes).</summary>
    public static HttpRequestMessage RangeRequest(Uri uri, long from, long to)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Range = new RangeHeaderValue(from, to);
        request.Headers.UserAgent.Add(UserAgent.ProductHeader);
        return request;
    }

    private void Keep(long index, byte[] block)
    {
        if (_blocks.TryAdd(index, block))
        {
            _order.Enqueue(index);
            while (_order.Count > MaxCachedBlocks)
            {
                _blocks.Remove(_order.Dequeue());
            }
        }
    }
}
