using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;

namespace MotionControl.ContractTests.Infrastructure;

/// <summary>Vendor clients pointed at the WireMock server, with test timings (no retries unless a test asks).</summary>
internal static class Clients
{
    public const string KlingAccessKey = "contract-access-key";
    public const string KlingSecretKey = "contract-secret-key-0123456789abcdef";

    public static readonly MotionControlWaitOptions FastWait = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(5),
        MaxPollInterval = TimeSpan.FromMilliseconds(10),
        MaxHintedPollInterval = TimeSpan.FromMilliseconds(10),
        BackoffFactor = 1,
        Jitter = 0,
        ExpectedDuration = TimeSpan.Zero,
        Timeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// The contract clients never pre-flight media URLs: the documented requests name the vendors' own example hosts
    /// (replicate.delivery, cdn.aimlapi.com…), and a test never leaves 127.0.0.1 — with pre-flight on, each submit would
    /// resolve those names (on a machine without DNS, a wait of up to <c>RemoteMediaTimeout</c> per URL). Remote
    /// pre-flight has its own tests against local servers (tests/MotionControl.Tests/Media/Remote).
    /// </summary>
    public const RemoteMediaValidation NoRemotePreflight = RemoteMediaValidation.Off;

    public static KlingClient Kling(Uri baseAddress, string? apiKey = null, int retries = 0) =>
        new(Fast(new KlingOptions { AccessKey = KlingAccessKey, SecretKey = KlingSecretKey, ApiKey = apiKey }, baseAddress, retries));

    public static KlingClient KlingV2(Uri baseAddress, string apiKey, int retries = 0) =>
        new(Fast(new KlingOptions { ApiKey = apiKey, ApiVersion = KlingApiVersion.V2 }, baseAddress, retries));

    public static PowerTokensClient PowerTokens(Uri baseAddress, string apiKey, int retries = 0) =>
        new(Fast(new PowerTokensOptions { ApiKey = apiKey }, baseAddress, retries));

    public static ModelsLabClient ModelsLab(Uri baseAddress, string apiKey, int retries = 0) =>
        new(Fast(new ModelsLabOptions { ApiKey = apiKey }, baseAddress, retries));

    public static AimlApiClient AimlApi(Uri baseAddress, string apiKey, int retries = 0) =>
        new(Fast(new AimlApiOptions { ApiKey = apiKey }, baseAddress, retries));

    public static VydraClient Vydra(Uri baseAddress, string apiKey, int retries = 0) =>
        new(Fast(new VydraOptions { ApiKey = apiKey }, baseAddress, retries));

    public static ReplicateClient Replicate(Uri baseAddress, string apiKey, int retries = 0, TimeSpan? cancelAfter = null) =>
        new(Fast(new ReplicateOptions { ApiKey = apiKey, CancelAfter = cancelAfter }, baseAddress, retries));

    /// <summary>A fal client whose queue, platform and storage hosts are all the WireMock server.</summary>
    public static FalClient Fal(Uri baseAddress, string apiKey, int retries = 0) =>
        new(Fast(new FalOptions { ApiKey = apiKey, PlatformBaseAddress = baseAddress, StorageBaseAddress = baseAddress }, baseAddress, retries));

    private static T Fast<T>(T options, Uri baseAddress, int retries)
        where T : MotionControlClientOptions
    {
        options.BaseAddress = baseAddress;
        options.WaitOptions = FastWait;
        options.MaxRetryAttempts = retries;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(5);
        options.RequestTimeout = TimeSpan.FromSeconds(10);
        options.RemoteMediaValidation = NoRemotePreflight;
        return options;
    }
}
