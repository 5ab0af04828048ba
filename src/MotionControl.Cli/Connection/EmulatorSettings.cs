using System.Globalization;
using MotionControl.Testing;

namespace MotionControl.Cli.Connection;

/// <summary>
/// Where the <c>--emulator</c> commands find the emulator, and the configuration that points every vendor at it with
/// the emulator's fixed, public test keys (<see cref="EmulatorCredentials"/>'s defaults, the same in every process).
/// </summary>
internal static class EmulatorSettings
{
    /// <summary>The variable naming a running emulator (<c>motion-control emulator</c> prints it).</summary>
    public const string UrlVariable = "MOTIONCONTROL_EMULATOR_URL";

    /// <summary>The port <c>motion-control emulator</c> listens on by default, and where <c>--emulator</c> looks for one.</summary>
    public const int DefaultPort = 17470;

    /// <summary>The address <c>--emulator</c> tries first: <see cref="UrlVariable"/>, else the default port on loopback.</summary>
    public static Uri ConfiguredAddress()
    {
        var value = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultAddress(DefaultPort);
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"{UrlVariable} is not an http(s) URL: set it to what 'motion-control emulator' prints, or unset it.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public static Uri DefaultAddress(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));

    /// <summary>
    /// The <c>MotionControl</c> configuration for every vendor on the emulator at <paramref name="address"/>: its keys,
    /// its address, and polls of 0.2–1 s (emulated jobs end after a few polls).
    /// </summary>
    public static Dictionary<string, string?> Configuration(Uri address)
    {
        var keys = new EmulatorCredentials();
        string url = address.AbsoluteUri;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // Replicate takes local files (inline, or through its emulated files API) and publishes a price: a first
            // "generate --emulator --image me.png --video dance.mp4" works without a storage bucket.
            ["MotionControl:DefaultProvider"] = MotionControlProviders.Replicate,
            ["MotionControl:RetryBaseDelay"] = "00:00:00.050",
            ["MotionControl:RetryMaxDelay"] = "00:00:00.500",
            ["MotionControl:WaitOptions:PollInterval"] = "00:00:00.200",
            ["MotionControl:WaitOptions:MaxPollInterval"] = "00:00:01",
            ["MotionControl:WaitOptions:MaxHintedPollInterval"] = "00:00:01",
            ["MotionControl:WaitOptions:ExpectedDuration"] = "00:00:00",
            ["MotionControl:Kling:ApiKey"] = keys.KlingApiKey,
            ["MotionControl:PowerTokens:ApiKey"] = keys.PowerTokensApiKey,
            ["MotionControl:ModelsLab:ApiKey"] = keys.ModelsLabApiKey,
            ["MotionControl:AimlApi:ApiKey"] = keys.AimlApiKey,
            ["MotionControl:Vydra:ApiKey"] = keys.VydraApiKey,
            ["MotionControl:Replicate:ApiKey"] = keys.ReplicateApiKey,
            ["MotionControl:Fal:ApiKey"] = keys.FalApiKey,
            ["MotionControl:Fal:PlatformBaseAddress"] = url,
            ["MotionControl:Fal:StorageBaseAddress"] = url,
        };
        foreach (var section in Sections)
        {
            settings[$"MotionControl:{section}:BaseAddress"] = url;

            // Offline, media URLs are local test files the emulated vendor never fetches: nothing to pre-flight, and the
            // SSRF guard would refuse their loopback addresses.
            settings[$"MotionControl:{section}:RemoteMediaValidation"] = "Off";
        }

        return settings;
    }

    /// <summary>The configuration section of each vendor, as the SDK reads it (<c>MotionControl:Kling</c>, ...).</summary>
    public static IReadOnlyList<string> Sections { get; } = ["Kling", "PowerTokens", "ModelsLab", "AimlApi", "Vydra", "Replicate", "Fal"];

    /// <summary>
    /// Answers whether an emulator answers at <paramref name="address"/> (its synthetic-download route). Nothing listening
    /// is refused at once; the 5 s are for a running emulator on a busy machine, whose first reply may be slow.
    /// </summary>
    public static async Task<bool> IsRunningAsync(Uri address, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var reply = await http.GetAsync(new Uri(address, "files/blob?bytes=0"), cancellationToken).ConfigureAwait(false);
            return reply.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
