using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace MotionControl.Tests;

/// <summary>Builds any vendor's client against the emulator, with fast test timings.</summary>
internal static class EmulatedClients
{
    public static readonly MotionControlWaitOptions FastWait = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
        MaxHintedPollInterval = TimeSpan.FromMilliseconds(20),
        Jitter = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static MotionControlClient Create(string provider, MotionControlEmulator emulator, Action<MotionControlClientOptions>? configure = null, HttpClient? httpClient = null)
    {
        var c = emulator.Credentials;
        T Setup<T>(T options)
            where T : MotionControlClientOptions
        {
            options.BaseAddress = emulator.BaseAddress;
            options.WaitOptions = FastWait;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
            configure?.Invoke(options);
            return options;
        }

        return provider switch
        {
            MotionControlProviders.Kling => new KlingClient(Setup(new KlingOptions { AccessKey = c.KlingAccessKey, SecretKey = c.KlingSecretKey }), httpClient),
            MotionControlProviders.PowerTokens => new PowerTokensClient(Setup(new PowerTokensOptions { ApiKey = c.PowerTokensApiKey }), httpClient),
            MotionControlProviders.ModelsLab => new ModelsLabClient(Setup(new ModelsLabOptions { ApiKey = c.ModelsLabApiKey }), httpClient),
            MotionControlProviders.AimlApi => new AimlApiClient(Setup(new AimlApiOptions { ApiKey = c.AimlApiKey }), httpClient),
            MotionControlProviders.Vydra => new VydraClient(Setup(new VydraOptions { ApiKey = c.VydraApiKey }), httpClient),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "unknown provider"),
        };
    }

    public static MotionControlRequest Request() => new()
    {
        Image = MediaSource.FromUri(new Uri("https://example.com/character.png")),
        Video = MediaSource.FromUri(new Uri("https://example.com/dance.mp4")),
        Prompt = "a dancer on a rooftop",
    };

    /// <summary>The emulator operation that reads a task for this vendor (ModelsLab polls with a POST fetch).</summary>
    public static EmulatorOperation ReadOperation(string provider) =>
        provider == MotionControlProviders.ModelsLab ? EmulatorOperation.Fetch : EmulatorOperation.Get;
}
