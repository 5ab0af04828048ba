using Microsoft.AspNetCore.Builder;

namespace MotionControl.Testing;

/// <summary>
/// An in-process emulator of the Kling Motion Control vendors (Kling, PowerTokens, ModelsLab, AIMLAPI, Vydra, Replicate):
/// An in-process emulator of the Kling Motion Control vendors (Kling, PowerTokens, ModelsLab, AIMLAPI, Vydra, fal):
/// a real HTTP server on 127.0.0.1 that speaks each vendor's wire contract, runs scripted task lifecycles, injects
/// faults and logs every request.
/// </summary>
/// <remarks>
/// <code>
/// await using var emulator = await MotionControlEmulator.StartAsync();
/// using var http = new HttpClient { BaseAddress = emulator.VydraBaseAddress };
/// http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.Credentials.VydraApiKey);
/// </code>
/// All members are thread-safe. The vendors' paths do not collide, so every base address is the same root.
/// </remarks>
public sealed class MotionControlEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private MotionControlEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>Gets the root address, e.g. <c>http://127.0.0.1:54321/</c> (with a trailing slash).</summary>
    public Uri BaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for a Kling client: legacy paths <c>/v1/videos/motion-control…</c>, element management <c>/v1/general/…</c>, API 2.0 paths <c>/motion-control/kling-3.0|kling-2.6</c> and <c>/tasks</c>.</summary>
    public Uri KlingBaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for a PowerTokens client (paths <c>/kling/v1/videos/motion-control…</c>).</summary>
    public Uri PowerTokensBaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for a ModelsLab client (paths <c>/api/v7/video-fusion/…</c>).</summary>
    public Uri ModelsLabBaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for an AIMLAPI client (paths <c>/v2/video/generations</c>).</summary>
    public Uri AimlApiBaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for a Vydra client (paths <c>/api/v1/…</c>).</summary>
    public Uri VydraBaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for a Replicate client (paths <c>/v1/models/…/predictions</c>, <c>/v1/predictions/…</c>, <c>/v1/files</c>).</summary>
    public Uri ReplicateBaseAddress => _state.BaseAddress;

    /// <summary>Gets the base address for a fal client: its queue (<c>/fal-ai/kling-video/…</c>), platform (<c>/v1/account/billing</c>) and storage (<c>/storage/upload/initiate</c>) hosts alike.</summary>
    public Uri FalBaseAddress => _state.BaseAddress;

    /// <summary>Gets the credentials the emulator accepts.</summary>
    public EmulatorCredentials Credentials => _state.Credentials;

    /// <summary>Gets the emulator's clock (from <see cref="MotionControlEmulatorOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider => _state.TimeProvider;

    /// <summary>Gets a snapshot of every request received so far, in arrival order (a new list on each read).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Log.Snapshot();

    /// <summary>Gets the embedded sample MP4 that every result video URL serves (1 s, 64x64, H.264, about 2 KB).</summary>
    public static ReadOnlyMemory<byte> SampleVideo => Testing.SampleVideo.Bytes;

    /// <summary>Starts an emulator on a loopback port.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<MotionControlEmulator> StartAsync(MotionControlEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MotionControlEmulatorOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options));

        var state = new EmulatorState(options);
        var app = await EmulatorHost.StartAsync(state, options.Port, cancellationToken).ConfigureAwait(false);
        return new MotionControlEmulator(app, state);
    }

    /// <summary>Gets how many tasks <paramref name="provider"/> has created since start or <see cref="Reset"/>, including those whose reply was lost to a fault (to prove "no duplicate submission").</summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders.All"/>.</param>
    /// <returns>The count.</returns>
    public int CreatedTaskCount(string provider) => _state.Tasks.For(provider).CreatedCount;

    /// <summary>
    /// Gets how many tasks of <paramref name="provider"/> are running now: created since start or <see cref="Reset"/>
    /// and not yet seen terminal. A task stops running when a read (a poll, <see cref="FindTask"/>, <see cref="GetTasks"/>)
    /// or a cancel first sees it succeeded, failed or cancelled; a task nobody reads again keeps running.
    /// </summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders.All"/>.</param>
    /// <param name="account">An account name (<see cref="EmulatorCredentials.DefaultAccountName"/> or an <see cref="EmulatorAccount.Name"/>), or null for every account together.</param>
    /// <returns>The count.</returns>
    public int RunningTaskCount(string provider, string? account = null) => _state.Tasks.For(provider).RunningCount(account);

    /// <summary>
    /// Gets the most tasks of <paramref name="provider"/> that one account has had running at once (see
    /// <see cref="RunningTaskCount"/>) since start or <see cref="Reset"/>: the high-water mark a vendor's concurrency
    /// limit applies to.
    /// </summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders.All"/>.</param>
    /// <param name="account">An account name, or null for the highest mark of any one account.</param>
    /// <returns>The high-water mark.</returns>
    public int ConcurrentTaskHighWaterMark(string provider, string? account = null) => _state.Tasks.For(provider).HighWaterMark(account);

    /// <summary>Gets how many calls of one operation <paramref name="provider"/> has received since start or <see cref="Reset"/>.</summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders"/>.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The count.</returns>
    public int CallCount(string provider, EmulatorOperation operation) => _state.Faults.CallCount(provider, operation);

    /// <summary>Scripts the lifecycle of the next task <paramref name="provider"/> creates; scripts queue up, one per task, and then <see cref="MotionControlEmulatorOptions.DefaultLifecycle"/> applies.</summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders.All"/>.</param>
    /// <param name="lifecycle">The lifecycle.</param>
    public void EnqueueLifecycle(string provider, TaskLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        _state.Tasks.For(provider).ScriptedLifecycles.Enqueue(lifecycle);
    }

    /// <summary>
    /// Scripts the lifecycle of the next Kling element-creation task (<c>POST /v1/general/advanced-custom-elements</c>);
    /// scripts queue up, one per task, apart from <see cref="EnqueueLifecycle"/>'s. Unscripted element tasks follow
    /// <see cref="TaskLifecycle.Default"/>. A success makes one element; the outcome's video count is not used.
    /// </summary>
    /// <param name="lifecycle">The lifecycle.</param>
    public void EnqueueElementLifecycle(TaskLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        _state.Elements.ScriptedLifecycles.Enqueue(lifecycle);
    }

    /// <summary>
    /// Registers a fault for calls of <paramref name="operation"/> on <paramref name="provider"/>. When several faults
    /// match a call, the one added first wins; each call gets at most one fault.
    /// </summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders"/> (<see cref="EmulatorProviders.Files"/> for <c>/files/blob</c>).</param>
    /// <param name="operation">The operation.</param>
    /// <param name="fault">What goes wrong.</param>
    /// <param name="schedule">Which calls; <see cref="FaultSchedule.NextCall"/> when null.</param>
    /// <exception cref="ArgumentException">The provider is unknown, or the fault is for another vendor.</exception>
    public void AddFault(string provider, EmulatorOperation operation, EmulatorFault fault, FaultSchedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(fault);
        if (provider != EmulatorProviders.Files && !EmulatorProviders.All.Contains(provider, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown provider '{provider}'. Use one of: {string.Join(", ", EmulatorProviders.All)}, {EmulatorProviders.Files}.", nameof(provider));
        }

        _state.Faults.Add(provider, operation, fault, schedule ?? FaultSchedule.NextCall);
    }

    /// <summary>Removes every registered fault (call counts are kept).</summary>
    public void ClearFaults() => _state.Faults.ClearFaults();

    /// <summary>
    /// Finds a task of any account by its id, or (Kling and PowerTokens) its <c>external_task_id</c>; when several
    /// accounts used that external id, the newest such task (see <see cref="EmulatedTask.Account"/>). Looking does not
    /// count as a poll.
    /// </summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders.All"/>.</param>
    /// <param name="taskId">The vendor's id, or an external task id.</param>
    /// <returns>A snapshot of the task, or null.</returns>
    public EmulatedTask? FindTask(string provider, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var record = _state.Tasks.Find(provider, taskId, matchExternalId: true);
        return record is null ? null : new EmulatedTask(record, record.Observe(_state.TimeProvider.GetUtcNow(), countAsPoll: false));
    }

    /// <summary>Gets snapshots of every task of <paramref name="provider"/>, of every account, newest first. Looking does not count as a poll.</summary>
    /// <param name="provider">A name from <see cref="EmulatorProviders.All"/>.</param>
    /// <returns>The tasks.</returns>
    public IReadOnlyList<EmulatedTask> GetTasks(string provider)
    {
        var now = _state.TimeProvider.GetUtcNow();
        return [.. _state.Tasks.Newest(provider).Select(record => new EmulatedTask(record, record.Observe(now, countAsPoll: false)))];
    }

    /// <summary>
    /// Gets every callback the emulator has sent (or could not send), oldest first. A task whose create request named a
    /// callback URL (Kling <c>callback_url</c>, API 2.0 <c>options.callback_url</c>, PowerTokens <c>callback_url</c>,
    /// ModelsLab <c>webhook</c>) gets one when it ends, as its vendor sends it: Kling's signed with the account's
    /// <see cref="EmulatorCredentials.KlingWebhookSecret"/> (Standard Webhooks headers), the others unsigned. Only http(s)
    /// loopback addresses are called; others are listed with an <see cref="EmulatorCallbackDelivery.Error"/>.
    /// </summary>
    public IReadOnlyList<EmulatorCallbackDelivery> Callbacks => _state.Callbacks.Snapshot();

    /// <summary>
    /// Scripts how the callback of the next task <paramref name="provider"/> creates with a callback URL is delivered:
    /// duplicates, a delay, a wrong or missing signature, a stale timestamp. Scripts queue up, one per task; then
    /// <see cref="EmulatorCallbackScript.Default"/> applies.
    /// </summary>
    /// <param name="provider"><see cref="EmulatorProviders.Kling"/>, <see cref="EmulatorProviders.PowerTokens"/> or <see cref="EmulatorProviders.ModelsLab"/>.</param>
    /// <param name="script">How to deliver it.</param>
    /// <exception cref="ArgumentOutOfRangeException">The script's <see cref="EmulatorCallbackScript.Deliveries"/> or <see cref="EmulatorCallbackScript.Delay"/> is out of range.</exception>
    public void EnqueueCallbackScript(string provider, EmulatorCallbackScript script)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _state.Callbacks.Enqueue(provider, script);
    }

    /// <summary>
    /// Sends the callback a task would get, as it stands now, to any loopback <paramref name="url"/>: to test your own
    /// webhook receiver with the vendor's body and (for Kling) its signature.
    /// </summary>
    /// <param name="provider"><see cref="EmulatorProviders.Kling"/>, <see cref="EmulatorProviders.PowerTokens"/> or <see cref="EmulatorProviders.ModelsLab"/>.</param>
    /// <param name="taskId">An emulated task's id.</param>
    /// <param name="url">Where to POST it (http(s), loopback).</param>
    /// <param name="script">How to deliver it; <see cref="EmulatorCallbackScript.Default"/> when null (its delay is not used).</param>
    /// <param name="cancellationToken">Cancels the sending.</param>
    /// <returns>The deliveries made, with the receiver's status codes.</returns>
    /// <exception cref="ArgumentException">No such task.</exception>
    /// <exception cref="InvalidOperationException">The emulator makes no callbacks for this vendor.</exception>
    public Task<IReadOnlyList<EmulatorCallbackDelivery>> SendCallbackAsync(string provider, string taskId, Uri url, EmulatorCallbackScript? script = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var record = _state.Tasks.Find(provider, taskId, matchExternalId: false)
            ?? throw new ArgumentException($"The emulator has no {provider} task '{taskId}'.", nameof(taskId));
        return _state.Callbacks.SendAsync(record, url, script ?? EmulatorCallbackScript.Default, cancellationToken);
    }

    /// <summary>Gets the address of a synthetic download of exactly <paramref name="bytes"/> bytes, generated on the fly (for download benchmarks).</summary>
    /// <param name="bytes">The size in bytes, 0 to 2^40.</param>
    /// <returns>The absolute URL of <c>/files/blob?bytes=N</c>.</returns>
    public Uri GetBlobUri(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, FileRoutes.MaxBlobBytes);
        return new Uri(_state.BaseAddress, FormattableString.Invariant($"files/blob?bytes={bytes}"));
    }

    /// <summary>Forgets every task, element, uploaded file, scripted lifecycle, fault, call count and logged request, as if just started (same port, credentials and clock).</summary>
    public void Reset()
    {
        _state.Faults.ClearAll();
        _state.Tasks.Clear();
        _state.Elements.Clear();
        _state.ReplicateFiles.Clear();
        _state.Fal?.Clear();
        _state.Log.Clear();
        _state.Callbacks.Clear();
    }

    /// <summary>Stops the server (requests still waiting in a delay are cancelled) and frees its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _state.Callbacks.DisposeAsync().ConfigureAwait(false);
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
