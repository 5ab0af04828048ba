using System.Globalization;
using System.Net;
using MotionControl.Http;

namespace MotionControl.Media.Remote;

/// <summary>
/// Reads what the validation rules need from a media URL and probes it with the same code as a local file: a HEAD for
/// the size, then ranged GETs (<see cref="HttpRangeStream"/>) for the header and, for an MP4/MOV whose <c>moov</c> comes
/// last, the tail. A server that ignores ranges is read from its start, within the same byte budget. Bounded in bytes
/// and requests (<see cref="RemoteReadBudget"/>), in time (the timeout per URL, within the caller's token), and in
/// redirects (<see cref="GuardedHttp.MaxRedirects"/>), every hop through the SSRF guard.
/// </summary>
internal sealed class RemoteMediaPreflight
{
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;

    public RemoteMediaPreflight(RemoteMediaValidation mode, RemoteMediaGuard guard, TimeSpan timeout, TimeProvider time, Func<HttpClient> http)
    {
        Mode = mode;
        Guard = guard;
        Timeout = timeout;
        _time = time;
        _http = http;
    }

    public RemoteMediaValidation Mode { get; }

    public RemoteMediaGuard Guard { get; }

    public TimeSpan Timeout { get; }

    /// <summary>The most body bytes read per URL.</summary>
    public long MaxBytes { get; init; } = RemoteReadBudget.DefaultMaxBytes;

    /// <summary>The most requests sent per URL.</summary>
    public int MaxRequests { get; init; } = RemoteReadBudget.DefaultMaxRequests;

    /// <summary>Checks one URL; never throws but for the caller's cancellation.</summary>
    public async Task<RemoteMediaCheck> CheckAsync(MediaSource source, CancellationToken cancellationToken)
    {
        var uri = source.Uri!;
        var name = MediaProbe.SourceNameOf(source);
        var budget = new RemoteReadBudget(MaxBytes, MaxRequests);
        if (!Guard.IsTrusted(uri) && RemoteMediaGuard.IsReservedName(uri.IdnHost))
        {
            return new(RemoteMediaCheckStatus.Unchecked, null, $"{uri.IdnHost} is a name reserved for examples (RFC 2606/6761), so it is not fetched", 0, 0);
        }

        using var timeout = new CancellationTokenSource(Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var facts = await ProbeAsync(uri, name, budget, linked.Token).ConfigureAwait(false);
            return new(RemoteMediaCheckStatus.Checked, facts, null, budget.BytesFetched, budget.Requests);
        }
        catch (RemoteMediaRefusedException refused)
        {
            return new(RemoteMediaCheckStatus.Forbidden, null, refused.Message, budget.BytesFetched, budget.Requests);
        }
        catch (RemoteMediaUncheckedException notChecked)
        {
            return Unchecked(notChecked.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unchecked(string.Create(CultureInfo.InvariantCulture, $"it did not answer within {Timeout.TotalSeconds:0.###} s"));
        }
        catch (HttpRequestException ex)
        {
            // The handler's messages name the host and port, never the path or query.
            return Unchecked($"requesting it failed: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Unchecked($"reading it failed: {ex.Message}");
        }

        RemoteMediaCheck Unchecked(string reason) => new(RemoteMediaCheckStatus.Unchecked, null, reason, budget.BytesFetched, budget.Requests);
    }

    private async Task<MediaFacts> ProbeAsync(Uri uri, string name, RemoteReadBudget budget, CancellationToken cancellationToken)
    {
        var http = _http();

        // HEAD for the size; a server that refuses HEAD (or gives no length) is asked by the first ranged GET instead.
        long? length = null;
        budget.TakeRequest();
        var (head, answered) = await GuardedHttp.SendAsync(http, Guard, uri, Head, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using (head)
        {
            if (head.IsSuccessStatusCode)
            {
                uri = answered;
                length = head.Content.Headers.ContentLength;
            }
        }

        budget.TakeRequest();
        var firstTo = (length is { } known ? Math.Min(known, HttpRangeStream.BlockSize) : HttpRangeStream.BlockSize) - 1;
        var (first, at) = await GuardedHttp.SendAsync(http, Guard, uri, u => HttpRangeStream.RangeRequest(u, 0, Math.Max(0, firstTo)), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using (first)
        {
            switch (first.StatusCode)
            {
                case HttpStatusCode.PartialContent:
                    return await ProbeRangesAsync(http, first, at, length, name, budget, cancellationToken).ConfigureAwait(false);
                case HttpStatusCode.OK:
                    return await ProbeForwardAsync(first, length, name, budget, cancellationToken).ConfigureAwait(false);
                case HttpStatusCode.RequestedRangeNotSatisfiable when (first.Content.Headers.ContentRange?.Length ?? length) == 0:
                    return await ProbeEmptyAsync(name, cancellationToken).ConfigureAwait(false);
                default:
                    throw new RemoteMediaUncheckedException(string.Create(CultureInfo.InvariantCulture,
                        $"the server answered HTTP {(int)first.StatusCode}{(string.IsNullOrEmpty(first.ReasonPhrase) ? string.Empty : " " + first.ReasonPhrase)}"));
            }
        }
    }

    private async Task<MediaFacts> ProbeRangesAsync(HttpClient http, HttpResponseMessage first, Uri uri, long? headLength, string name, RemoteReadBudget budget, CancellationToken cancellationToken)
    {
        var total = first.Content.Headers.ContentRange?.Length ?? headLength
            ?? throw new RemoteMediaUncheckedException("the server reports no size for it");
        var stream = new HttpRangeStream(http, Guard, uri, total, budget);
        await using (stream.ConfigureAwait(false))
        {
            if (first.Content.Headers.ContentRange is { From: 0, To: { } to })
            {
                var block = new byte[Math.Min(to + 1, Math.Min(total, HttpRangeStream.BlockSize))];
                var body = await first.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    var read = await body.ReadAtLeastAsync(block, block.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                    budget.Take(read);
                    if (read == block.Length && (read == HttpRangeStream.BlockSize || read == total))
                    {
                        stream.Seed(0, block);
                    }
                }
            }

            var result = await MediaProbe.ProbeStreamAsync(stream, name, cancellationToken).ConfigureAwait(false);
            return result.Facts;
        }
    }

    /// <summary>A server that ignores ranges: its body read from the start, as a non-seekable stream, within the budget.</summary>
    private static async Task<MediaFacts> ProbeForwardAsync(HttpResponseMessage response, long? headLength, string name, RemoteReadBudget budget, CancellationToken cancellationToken)
    {
        var length = response.Content.Headers.ContentLength ?? headLength
            ?? throw new RemoteMediaUncheckedException("the server supports no range requests and reports no size for it");
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var counted = new BudgetedReadStream(body, budget, "the server supports no range requests, and its headers are not within the first");
        await using (counted.ConfigureAwait(false))
        {
            var result = await MediaProbe.ProbeStreamAsync(counted, name, cancellationToken).ConfigureAwait(false);
            return result.Facts with { ByteSize = length };
        }
    }

    private static async Task<MediaFacts> ProbeEmptyAsync(string name, CancellationToken cancellationToken)
    {
        using var empty = new MemoryStream([], writable: false);
        var result = await MediaProbe.ProbeStreamAsync(empty, name, cancellationToken).ConfigureAwait(false);
        return result.Facts;
    }

    private static HttpRequestMessage Head(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Head, uri);
        request.Headers.UserAgent.Add(UserAgent.ProductHeader);
        return request;
    }
}
