namespace MotionControl.Testing;

/// <summary>Everything the routes share: settings, accounts, tasks, faults, the request log and the emulator's address.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(MotionControlEmulatorOptions options)
    {
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Credentials = options.Credentials ?? new EmulatorCredentials();
        Accounts = new AccountDirectory(Credentials);
        DefaultLifecycle = options.DefaultLifecycle ?? TaskLifecycle.Default;
        Log = new RequestLog(options.RedactSecrets, Accounts.Secrets);
        RequireKnownElements = options.RequireKnownElements;
        MaxConcurrentTasksPerAccount = options.MaxConcurrentTasksPerAccount is { } max && max < 1
            ? throw new ArgumentOutOfRangeException(nameof(options), max, "MaxConcurrentTasksPerAccount must be at least 1, or null for no limit.")
            : options.MaxConcurrentTasksPerAccount;
        StartingBalances = CheckBalances(options.StartingBalances);
        Callbacks = new CallbackDispatcher(this);
    }

    /// <summary>Gets what sends the tasks' callbacks.</summary>
    public CallbackDispatcher Callbacks { get; }

    public TimeProvider TimeProvider { get; }

    public EmulatorCredentials Credentials { get; }

    /// <summary>Gets every account the emulator accepts, the default one first, checked when the emulator starts.</summary>
    public AccountDirectory Accounts { get; }

    public TaskLifecycle DefaultLifecycle { get; }

    /// <summary>Gets the per-account limit of running tasks that Kling, PowerTokens and Vydra enforce on a create, or null.</summary>
    public int? MaxConcurrentTasksPerAccount { get; }

    public TaskStore Tasks { get; } = new();

    /// <summary>Gets Kling's element-creation tasks and their elements (kept apart from the motion-control tasks).</summary>
    public KlingElementStore Elements { get; } = new();

    /// <summary>Gets a value indicating whether a Kling motion-control create must bind an element that exists (see <see cref="MotionControlEmulatorOptions.RequireKnownElements"/>).</summary>
    public bool RequireKnownElements { get; }

    /// <summary>Gets the starting balance per provider that enforces one (see <see cref="MotionControlEmulatorOptions.StartingBalances"/>).</summary>
    public IReadOnlyDictionary<string, decimal> StartingBalances { get; }

    public FaultRegistry Faults { get; } = new();

    /// <summary>Gets the files uploaded to Replicate's files API (<c>POST /v1/files</c>).</summary>
    public ReplicateFileStore ReplicateFiles { get; } = new();
    /// <summary>Gets or sets fal's routes (they keep the files uploaded to its storage); set when the host maps them.</summary>
    public FalEmulator? Fal { get; set; }

    public RequestLog Log { get; }

    /// <summary>Gets or sets the root address (with a trailing slash); set once Kestrel has bound its port, before any request can arrive.</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    /// <summary>Gets or sets the token that fires when the emulator stops.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>Makes an absolute URL on the emulator; vendors return absolute result and fetch URLs.</summary>
    public string AbsoluteUrl(string relativePath) => new Uri(BaseAddress, relativePath).AbsoluteUri;

    public string VideoUrl(string provider, string taskId, int index, bool watermarked) =>
        AbsoluteUrl($"files/videos/{provider}/{Uri.EscapeDataString(taskId)}/{index}{(watermarked ? "-watermark" : string.Empty)}.mp4");

    private static Dictionary<string, decimal> CheckBalances(IReadOnlyDictionary<string, decimal>? balances)
    {
        var checkedBalances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (provider, start) in balances ?? new Dictionary<string, decimal>())
        {
            if (!EmulatorProviders.All.Contains(provider))
            {
                throw new ArgumentException($"StartingBalances names '{provider}', which is no emulated vendor ({string.Join(", ", EmulatorProviders.All)}).", nameof(balances));
            }

            checkedBalances[provider] = start;
        }

        return checkedBalances;
    }
}
