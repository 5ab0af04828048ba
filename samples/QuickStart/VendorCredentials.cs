using MotionControl;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Fal;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Replicate;
using MotionControl.Providers.Vydra;
using MotionControl.Testing;

namespace QuickStart;

/// <summary>Builds a vendor's options from environment variables, or for the emulator.</summary>
internal static class VendorCredentials
{
    /// <summary>The options for <paramref name="provider"/> from <c>MOTIONCONTROL__{VENDOR}__…</c>, or <see langword="null"/> when no key is set.</summary>
    public static MotionControlClientOptions? FromEnvironment(string provider)
    {
        string? Read(string section, string key) =>
            NonEmpty(Environment.GetEnvironmentVariable($"MOTIONCONTROL__{section.ToUpperInvariant()}__{key.ToUpperInvariant()}"))
            ?? NonEmpty(Environment.GetEnvironmentVariable($"MotionControl__{section}__{key}"));

        MotionControlClientOptions? options = provider switch
        {
            MotionControlProviders.Kling when Read("Kling", "AccessKey") is { } ak && Read("Kling", "SecretKey") is { } sk =>
                new KlingOptions { AccessKey = ak, SecretKey = sk },
            MotionControlProviders.Kling when Read("Kling", "ApiKey") is { } key => new KlingOptions { ApiKey = key },
            MotionControlProviders.PowerTokens when Read("PowerTokens", "ApiKey") is { } key => new PowerTokensOptions { ApiKey = key },
            MotionControlProviders.ModelsLab when Read("ModelsLab", "ApiKey") is { } key => new ModelsLabOptions { ApiKey = key },
            MotionControlProviders.AimlApi when Read("AimlApi", "ApiKey") is { } key => new AimlApiOptions { ApiKey = key },
            MotionControlProviders.Vydra when Read("Vydra", "ApiKey") is { } key => new VydraOptions { ApiKey = key },
            MotionControlProviders.Replicate when Read("Replicate", "ApiKey") is { } key => new ReplicateOptions { ApiKey = key },
            MotionControlProviders.Fal when Read("Fal", "ApiKey") is { } key => new FalOptions { ApiKey = key },
            _ => null,
        };
        return options;
    }

    /// <summary>The options for <paramref name="provider"/> pointed at the emulator, with the keys it accepts.</summary>
    public static MotionControlClientOptions ForEmulator(string provider, MotionControlEmulator emulator)
    {
        var c = emulator.Credentials;
        MotionControlClientOptions options = provider switch
        {
            MotionControlProviders.Kling => new KlingOptions { AccessKey = c.KlingAccessKey, SecretKey = c.KlingSecretKey },
            MotionControlProviders.PowerTokens => new PowerTokensOptions { ApiKey = c.PowerTokensApiKey },
            MotionControlProviders.ModelsLab => new ModelsLabOptions { ApiKey = c.ModelsLabApiKey },
            MotionControlProviders.AimlApi => new AimlApiOptions { ApiKey = c.AimlApiKey },
            MotionControlProviders.Vydra => new VydraOptions { ApiKey = c.VydraApiKey },
            MotionControlProviders.Replicate => new ReplicateOptions { ApiKey = c.ReplicateApiKey },
            MotionControlProviders.Fal => new FalOptions { ApiKey = c.FalApiKey, PlatformBaseAddress = emulator.FalBaseAddress, StorageBaseAddress = emulator.FalBaseAddress },
            _ => throw new ArgumentException($"Unknown provider '{provider}'."),
        };
        options.BaseAddress = emulator.BaseAddress;
        return options;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
