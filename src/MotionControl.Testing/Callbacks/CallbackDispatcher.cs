using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MotionControl.Testing;

/// <summary>
/// Sends each task's callback as its vendor does: when the task ends, to the callback URL of its create request
/// (loopback addresses only), Kling's and Replicate's signed with the account's Standard Webhooks secret, ModelsLab's,
/// PowerTokens' and fal's unsigned; with the scripted duplicates, delays and broken signatures of <see cref="EmulatorCallbackScript"/>.
/// </summary>
/// <remarks>
/// The signature is made here rather than with a library: the emulator must also make wrong and stale signatures on
/// purpose, and Standard Webhooks signing is one HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>.
/// </remarks>
internal sealed class CallbackDispatcher : IAsyncDisposable
{
    // A well-formed secret that is nobody's, for EmulatorCallbackSignature.Invalid.
    private const string WrongSecret = "whsec_bm90LXRoZS1hY2NvdW50cy13ZWJob29rLXNlY3JldA==";

    private readonly EmulatorState _state;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmulatorCallbackScript>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<EmulatorCallbackDelivery> _deliveries = new();
    private readonly ConcurrentDictionary<Task, byte> _sending = new();
    private readonly ConcurrentDictionary<ITimer, byte> _timers = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _sequence;

    public CallbackDispatcher(EmulatorState state) => _state = state;

    public IReadOnlyList<EmulatorCallbackDelivery> Snapshot() => [.. _deliveries];

    public void Enqueue(string provider, EmulatorCallbackScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        script.ThrowIfInvalid();
        _scripts.GetOrAdd(provider, static _ => new()).Enqueue(script);
    }

    public void Clear()
    {
        _scripts.Clear();
        _deliveries.Clear();
    }

    /// <summary>
    /// Prepares a just-created task's callback: how its body is written and whether it is signed, and, when the create
    /// named a callback URL, sends it when the task ends (a timed lifecycle ends on the emulator's clock by itself; a
    /// poll-counted one at the read that finds it finished).
    /// </summary>
    public void Track(EmulatedTaskRecord record, string? callbackUrl, Func<EmulatedTaskRecord, TaskObservation, JsonObject> body, bool signed)
    {
        record.CallbackBody = body;
        record.SignsCallbacks = signed;
        if (callbackUrl is null || !Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url))
        {
            return;
        }

        var script = _scripts.TryGetValue(record.Provider, out var queue) && queue.TryDequeue(out var next) ? next : EmulatorCallbackScript.Default;
        record.Ended = (task, observation) => After(script.Delay, () => Start(task, observation, url, script));
        if (EndsAt(record) is { } end)
        {
            EndAt(record, end);
        }
    }

    /// <summary>Looks at the task when its timed lifecycle ends, which sends the callback; again if a timer fired early.</summary>
    private void EndAt(EmulatedTaskRecord record, DateTimeOffset end) =>
        After(end - _state.TimeProvider.GetUtcNow(), () =>
        {
            var now = _state.TimeProvider.GetUtcNow();
            if (record.Observe(now, countAsPoll: false).CompletedAt is null && now < end)
            {
                EndAt(record, end);
            }
        });

    /// <summary>Sends <paramref name="record"/>'s callback now, as it stands, to <paramref name="url"/>.</summary>
    public async Task<IReadOnlyList<EmulatorCallbackDelivery>> SendAsync(EmulatedTaskRecord record, Uri url, EmulatorCallbackScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(script);
        script.ThrowIfInvalid();
        if (record.CallbackBody is null)
        {
            throw new InvalidOperationException($"{record.Provider} sends no callbacks the emulator makes.");
        }

        return await DeliverAsync(record, record.Observe(_state.TimeProvider.GetUtcNow(), countAsPoll: false), url, script, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var timer in _timers.Keys)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_sending.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-send.
        }

        _http.Dispose();
        _stopping.Dispose();
    }

    /// <summary>When a lifecycle of timed phases only ends; null when polls decide it (or it never ends).</summary>
    private static DateTimeOffset? EndsAt(EmulatedTaskRecord record)
    {
        var end = record.CreatedAt;
        foreach (var phase in record.Lifecycle.Phases)
        {
            if (phase.Duration is not { } duration || phase.Polls is not null)
            {
                return null;
            }

            end += duration;
        }

        return end;
    }

    private void After(TimeSpan delay, Action action)
    {
        if (delay <= TimeSpan.Zero)
        {
            action();
            return;
        }

        ITimer? timer = null;
        timer = _state.TimeProvider.CreateTimer(
            _ =>
            {
                if (timer is not null && _timers.TryRemove(timer, out byte _))
                {
                    timer.Dispose();
                }

                action();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
        _timers.TryAdd(timer, 0);
    }

    private void Start(EmulatedTaskRecord record, TaskObservation observation, Uri url, EmulatorCallbackScript script)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var sending = Task.Run(() => DeliverAsync(record, observation, url, script, _stopping.Token));
        _sending.TryAdd(sending, 0);
        sending.ContinueWith(t => _sending.TryRemove(t, out byte _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task<IReadOnlyList<EmulatorCallbackDelivery>> DeliverAsync(EmulatedTaskRecord record, TaskObservation observation, Uri url, EmulatorCallbackScript script, CancellationToken cancellationToken)
    {
        var body = record.CallbackBody!(record, observation).ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        var secret = record.SignsCallbacks ? _state.Accounts.All.FirstOrDefault(a => a.Name == record.Account)?.WebhookSecretFor(record.Provider) : null;
        string? id = null;
        string? timestamp = null;
        string? signature = null;
        if (secret is not null && script.Signature != EmulatorCallbackSignature.Missing)
        {
            id = "msg_" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var seconds = (_state.TimeProvider.GetUtcNow() + script.TimestampOffset).ToUnixTimeSeconds();
            timestamp = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            signature = Sign(script.Signature == EmulatorCallbackSignature.Valid ? secret : WrongSecret, id, timestamp, bytes);
        }

        var sent = new List<EmulatorCallbackDelivery>();
        for (var i = 0; i < script.Deliveries; i++)
        {
            var delivery = await PostAsync(record, url, id, timestamp, signature, body, bytes, cancellationToken).ConfigureAwait(false);
            _deliveries.Enqueue(delivery);
            sent.Add(delivery);
        }

        return sent;
    }

    private async Task<EmulatorCallbackDelivery> PostAsync(EmulatedTaskRecord record, Uri url, string? id, string? timestamp, string? signature, string body, byte[] bytes, CancellationToken cancellationToken)
    {
        var now = _state.TimeProvider.GetUtcNow();
        EmulatorCallbackDelivery Result(int? status, string? error) => new(record.Provider, record.Id, url, id, signature is not null, body, now, status, error);

        if (!url.IsLoopback || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return Result(null, "not sent: the emulator calls back to http(s) loopback addresses only");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("webhook-id", id);
            request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("webhook-signature", signature);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return Result((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return Result(null, "not delivered: " + ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result(null, "not delivered: no answer within 30 s");
        }
    }

    private static string Sign(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
