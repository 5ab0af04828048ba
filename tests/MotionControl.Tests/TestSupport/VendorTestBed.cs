using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests.TestSupport;

/// <summary>
/// An emulator plus one vendor's client pointed at it (any of <see cref="MotionControlProviders.All"/>), with settings
/// that keep tests fast (5 ms polls, millisecond retry delays) and every log line the client writes kept in
/// <see cref="Logs"/>. This is the one way tests build a client on the emulator: tests that bring their own emulator (a
/// fixture shared by a class, a clock of their own, a caller's <see cref="HttpClient"/>) use <see cref="CreateClient"/>,
/// which is what the bed itself calls.
/// </summary>
internal sealed class VendorTestBed : IAsyncDisposable
{
    /// <summary>The prompt of <see cref="DefaultRequest"/> where the vendor requires one.</summary>
    public const string DefaultPrompt = "a dancer on a rooftop";

    /// <summary>Polls every 5–20 ms (a vendor's hint stretches no further) and gives up after 30 s.</summary>
    public static readonly MotionControlWaitOptions FastWait = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly ILoggerFactory _loggerFactory;

    private VendorTestBed(string provider, MotionControlEmulator emulator, MotionControlClient client, FakeLogCollector logs, ILoggerFactory loggerFactory)
    {
        Provider = provider;
        Emulator = emulator;
        Client = client;
        Logs = logs;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Gets the vendor's name (a <see cref="MotionControlProviders"/> constant).</summary>
    public string Provider { get; }

    public MotionControlEmulator Emulator { get; }

    /// <summary>Gets the vendor's client through the neutral surface; <see cref="Api{T}"/> gives the typed one.</summary>
    public MotionControlClient Client { get; }

    /// <summary>Gets every log record of <see cref="Client"/> (and of the clients <see cref="NewClient"/> builds), every level; <see cref="LogLines.Lines"/> renders them.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Gets the emulator operation that reads a task (ModelsLab polls with a POST fetch).</summary>
    public EmulatorOperation ReadOperation => ReadOperationFor(Provider);

    /// <summary>Gets the path of the vendor's create route.</summary>
    public string CreatePath => Provider switch
    {
        MotionControlProviders.Kling => "/v1/videos/motion-control",
        MotionControlProviders.PowerTokens => "/kling/v1/videos/motion-control",
        MotionControlProviders.ModelsLab => "/api/v7/video-fusion/motion-control",
        MotionControlProviders.AimlApi => "/v2/video/generations",
        MotionControlProviders.Vydra => "/api/v1/models/kling",
        MotionControlProviders.Replicate => "/v1/models/kwaivgi/kling-v2.6-motion-control/predictions",
        MotionControlProviders.Fal => "/" + FalModels.KlingV26Standard,
        _ => throw UnknownProvider(Provider),
    };

    /// <summary>Gets the credentials <see cref="Client"/> was built with (unless a configure callback replaced them): what must never show.</summary>
    public IReadOnlyList<string> Secrets => SecretsOf(Provider, Emulator.Credentials);

    /// <summary>Starts an emulator and builds <paramref name="provider"/>'s client on it.</summary>
    /// <param name="provider">A <see cref="MotionControlProviders"/> name.</param>
    /// <param name="configure">Changes the client's options after the bed has set them (keys, retries, timings).</param>
    /// <param name="clock">The clock of the emulator and the client; the system clock by default.</param>
    /// <param name="credentials">The keys the emulator accepts and the client is given; the emulator's defaults otherwise.</param>
    /// <param name="redactSecrets">Whether the emulator's request log hides keys; off, so tests can check what was sent.</param>
    public static async Task<VendorTestBed> StartAsync(
        string provider,
        Action<MotionControlClientOptions>? configure = null,
        TimeProvider? clock = null,
        EmulatorCredentials? credentials = null,
        bool redactSecrets = false)
    {
        var emulator = await MotionControlEmulator.StartAsync(new MotionControlEmulatorOptions
        {
            TimeProvider = clock ?? TimeProvider.System,
            Credentials = credentials ?? new EmulatorCredentials(),
            RedactSecrets = redactSecrets,
        });
        try
        {
            var logs = new FakeLogCollector();
            var loggerFactory = LogLines.Factory(logs);
            return new VendorTestBed(provider, emulator, CreateClient(provider, emulator, WithLogs(loggerFactory, configure)), logs, loggerFactory);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Builds <paramref name="provider"/>'s client on <paramref name="emulator"/> with the emulator's keys and clock and
    /// fast timings (<see cref="FastWait"/>, retry delays of 5–50 ms); <paramref name="configure"/> runs last.
    /// </summary>
    public static MotionControlClient CreateClient(string provider, MotionControlEmulator emulator, Action<MotionControlClientOptions>? configure = null, HttpClient? httpClient = null)
    {
        var options = Options(provider, emulator.Credentials);
        options.BaseAddress = emulator.BaseAddress;
        if (options is FalOptions fal)
        {
            // fal's platform and storage hosts are the emulator too.
            fal.PlatformBaseAddress = emulator.FalBaseAddress;
            fal.StorageBaseAddress = emulator.FalBaseAddress;
        }

        options.WaitOptions = FastWait;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        options.TimeProvider = emulator.TimeProvider;
        configure?.Invoke(options);
        return Construct(options, httpClient);
    }

    /// <summary>The vendor's own options type with the vendor's defaults and its keys from <paramref name="credentials"/> (none when null).</summary>
    public static MotionControlClientOptions Options(string provider, EmulatorCredentials? credentials = null)
    {
        var c = credentials;
        return provider switch
        {
            MotionControlProviders.Kling => new KlingOptions { AccessKey = c?.KlingAccessKey, SecretKey = c?.KlingSecretKey },
            MotionControlProviders.PowerTokens => new PowerTokensOptions { ApiKey = c?.PowerTokensApiKey },
            MotionControlProviders.ModelsLab => new ModelsLabOptions { ApiKey = c?.ModelsLabApiKey },
            MotionControlProviders.AimlApi => new AimlApiOptions { ApiKey = c?.AimlApiKey },
            MotionControlProviders.Vydra => new VydraOptions { ApiKey = c?.VydraApiKey },
            MotionControlProviders.Replicate => new ReplicateOptions { ApiKey = c?.ReplicateApiKey },
            MotionControlProviders.Fal => new FalOptions { ApiKey = c?.FalApiKey },
            _ => throw UnknownProvider(provider),
        };
    }

    /// <summary>The client of the vendor whose options these are (the public constructor, so it validates them).</summary>
    public static MotionControlClient Construct(MotionControlClientOptions options, HttpClient? httpClient = null) => options switch
    {
        KlingOptions kling => new KlingClient(kling, httpClient),
        PowerTokensOptions powerTokens => new PowerTokensClient(powerTokens, httpClient),
        ModelsLabOptions modelsLab => new ModelsLabClient(modelsLab, httpClient),
        AimlApiOptions aimlApi => new AimlApiClient(aimlApi, httpClient),
        VydraOptions vydra => new VydraClient(vydra, httpClient),
        ReplicateOptions replicate => new ReplicateClient(replicate, httpClient),
        FalOptions fal => new FalClient(fal, httpClient),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.GetType().Name, "not a vendor's options"),
    };

    /// <summary>The keys of <paramref name="credentials"/> that <paramref name="provider"/>'s client is given by <see cref="Options"/>.</summary>
    public static IReadOnlyList<string> SecretsOf(string provider, EmulatorCredentials credentials) => provider switch
    {
        MotionControlProviders.Kling => [credentials.KlingAccessKey, credentials.KlingSecretKey],
        MotionControlProviders.PowerTokens => [credentials.PowerTokensApiKey],
        MotionControlProviders.ModelsLab => [credentials.ModelsLabApiKey],
        MotionControlProviders.AimlApi => [credentials.AimlApiKey],
        MotionControlProviders.Vydra => [credentials.VydraApiKey],
        MotionControlProviders.Replicate => [credentials.ReplicateApiKey],
        MotionControlProviders.Fal => [credentials.FalApiKey],
        _ => throw UnknownProvider(provider),
    };

    /// <summary>
    /// A request every vendor accepts: a character image and a dance video by URL, plus a prompt for the vendors that
    /// require one (ModelsLab, Vydra) and nothing else, so a vendor's minimal body is exactly its required fields.
    /// </summary>
    public static MotionControlRequest DefaultRequest(string provider, Func<MotionControlRequest, MotionControlRequest>? change = null)
    {
        var request = new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
            Prompt = provider is MotionControlProviders.ModelsLab or MotionControlProviders.Vydra ? DefaultPrompt : null,
        };
        return change is null ? request : change(request);
    }

    /// <summary>The emulator operation that reads a task for this vendor (ModelsLab polls with a POST fetch).</summary>
    public static EmulatorOperation ReadOperationFor(string provider) =>
        provider == MotionControlProviders.ModelsLab ? EmulatorOperation.Fetch : EmulatorOperation.Get;

    /// <summary>The vendor's default request (<see cref="DefaultRequest"/>), changed by <paramref name="change"/>.</summary>
    public MotionControlRequest Request(Func<MotionControlRequest, MotionControlRequest>? change = null) => DefaultRequest(Provider, change);

    /// <summary>The vendor's typed API (<see cref="IKlingApi"/>, <see cref="IVydraApi"/>…) or its typed client (<see cref="KlingClient"/>…).</summary>
    public T Api<T>()
        where T : class =>
        Client.GetService(typeof(T)) as T ?? throw new InvalidOperationException($"The {Provider} client offers no {typeof(T).Name}.");

    /// <summary>Another client of this vendor on the same emulator, logging to <see cref="Logs"/>; the caller disposes it.</summary>
    public MotionControlClient NewClient(Action<MotionControlClientOptions>? configure = null) =>
        CreateClient(Provider, Emulator, WithLogs(_loggerFactory, configure));

    /// <summary>The requests of <paramref name="operation"/> this vendor's routes received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Calls(EmulatorOperation operation) =>
        [.. Emulator.Requests.Where(r => r.Provider == Provider && r.Operation == operation)];

    /// <summary>The JSON body of the only create the emulator received, which went to <see cref="CreatePath"/>.</summary>
    public JsonElement CreateBody()
    {
        var create = Assert.Single(Calls(EmulatorOperation.Create));
        Assert.Equal(CreatePath, create.Path);
        using var document = JsonDocument.Parse(create.Body);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        _loggerFactory.Dispose();
    }

    private static Action<MotionControlClientOptions> WithLogs(ILoggerFactory logs, Action<MotionControlClientOptions>? configure) => options =>
    {
        options.LoggerFactory = logs;
        configure?.Invoke(options);
    };

    private static ArgumentOutOfRangeException UnknownProvider(string provider) =>
        new(nameof(provider), provider, "not one of MotionControlProviders.All");
}
