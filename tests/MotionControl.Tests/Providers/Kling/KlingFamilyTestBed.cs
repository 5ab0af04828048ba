using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MotionControl.Providers.Kling;
using MotionControl.Providers.PowerTokens;
using MotionControl.Testing;

namespace MotionControl.Tests.Providers.Kling;

/// <summary>
/// An emulator plus a Kling or PowerTokens client pointed at it, with settings that keep tests fast (10 ms polls,
/// millisecond retry delays). PowerTokens is a Kling gateway, so both vendors' tests share this bed.
/// </summary>
internal sealed class KlingFamilyTestBed : IAsyncDisposable
{
    public static readonly MotionControlWaitOptions FastWait = EmulatedClients.FastWait with { Timeout = TimeSpan.FromSeconds(20) };

    private KlingFamilyTestBed(MotionControlEmulator emulator, MotionControlClient client, string provider, LogCollector logs)
    {
        Emulator = emulator;
        Client = client;
        Provider = provider;
        Logs = logs;
    }

    public MotionControlEmulator Emulator { get; }

    public MotionControlClient Client { get; }

    public string Provider { get; }

    public LogCollector Logs { get; }

    /// <summary>The path of the vendor's create route.</summary>
    public string CreatePath => Provider == EmulatorProviders.Kling ? "/v1/videos/motion-control" : "/kling/v1/videos/motion-control";

    public static MotionControlRequest Request(Func<MotionControlRequest, MotionControlRequest>? change = null)
    {
        var request = new MotionControlRequest
        {
            Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
            Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        };
        return change is null ? request : change(request);
    }

    public static async Task<KlingFamilyTestBed> StartAsync(string provider, Action<MotionControlClientOptions>? configure = null, MotionControlEmulatorOptions? emulatorOptions = null)
    {
        var emulator = await MotionControlEmulator.StartAsync(emulatorOptions ?? new MotionControlEmulatorOptions { RedactSecrets = false });
        var logs = new LogCollector();
        try
        {
            MotionControlClient client = provider switch
            {
                EmulatorProviders.Kling => new KlingClient(Configure(new KlingOptions
                {
                    BaseAddress = emulator.KlingBaseAddress,
                    AccessKey = emulator.Credentials.KlingAccessKey,
                    SecretKey = emulator.Credentials.KlingSecretKey,
                }, emulator, logs, configure)),
                EmulatorProviders.PowerTokens => new PowerTokensClient(Configure(new PowerTokensOptions
                {
                    BaseAddress = emulator.PowerTokensBaseAddress,
                    ApiKey = emulator.Credentials.PowerTokensApiKey,
                }, emulator, logs, configure)),
                _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Kling or PowerTokens"),
            };
            return new KlingFamilyTestBed(emulator, client, provider, logs);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The JSON body of the only create the emulator received.</summary>
    public JsonElement CreateBody()
    {
        var create = Assert.Single(Emulator.Requests, r => r.Operation == EmulatorOperation.Create);
        Assert.Equal(CreatePath, create.Path);
        using var document = JsonDocument.Parse(create.Body);
        return document.RootElement.Clone();
    }

    public IReadOnlyList<RecordedRequest> Requests(EmulatorOperation operation) =>
        [.. Emulator.Requests.Where(r => r.Operation == operation)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }

    private static T Configure<T>(T options, MotionControlEmulator emulator, LogCollector logs, Action<MotionControlClientOptions>? configure)
        where T : MotionControlClientOptions
    {
        options.WaitOptions = FastWait;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(10);
        options.TimeProvider = emulator.TimeProvider;
        options.LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Every log line (message and exception text) the client wrote.</summary>
    internal sealed class LogCollector : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
