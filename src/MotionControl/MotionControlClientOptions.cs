using Microsoft.Extensions.Logging;
using MotionControl.Media;

namespace MotionControl;

/// <summary>
/// Settings every vendor client shares. Copied when a client is built: changing an options object afterwards does not
/// affect clients already created. Never printed: <see cref="ToString"/> omits credentials.
/// </summary>
public abstract class MotionControlClientOptions
{
    /// <summary>Creates options with the vendor's production base address.</summary>
    /// <param name="defaultBaseAddress">The vendor's production host.</param>
    private protected MotionControlClientOptions(Uri defaultBaseAddress)
    {
        BaseAddress = defaultBaseAddress;
    }

    /// <summary>The vendor's host (scheme, host, port, optional path prefix). Defaults to the vendor's production host.</summary>
    public Uri BaseAddress { get; set; }

    /// <summary>The vendor API key (sent as a bearer token, or in the body for ModelsLab). A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one HTTP attempt may take before it is abandoned (and, for reads, retried). Default 60 s; 1 s–10 min.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a read (get, fetch, list) is retried after a transient failure. Default 3; 0–10.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay, doubled each retry with jitter (a vendor's <c>Retry-After</c> wins). Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between retries. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The default wait settings of this client's <c>WaitForCompletionAsync</c>, <c>WatchAsync</c> and <c>GenerateAsync</c>.</summary>
    public MotionControlWaitOptions WaitOptions { get; set; } = MotionControlWaitOptions.Default;

    /// <summary>
    /// Where the vendor calls back when a request sets no <see cref="MotionControlRequest.CallbackUrl"/>, for vendors with
    /// a callback field (<see cref="MotionControlCapabilities.SupportsCallback"/>) whose callbacks the SDK reads (Kling,
    /// PowerTokens, ModelsLab, Replicate, fal); ignored for the others. Default none.
    /// <c>MotionControl.AspNetCore</c>'s <c>AddWebhooks</c> sets it for each registration to its webhook endpoint.
    /// </summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>Turns local files into URLs for vendors that accept URLs only (your storage). Optional.</summary>
    public IMediaUploader? MediaUploader { get; set; }

    /// <summary>
    /// Whether validation (<c>ValidateAsync</c>, and <c>SubmitAsync</c> before it sends) reads media URLs to check them as
    /// local files are checked: <see cref="RemoteMediaValidation.BestEffort"/> (default; a URL that cannot be checked is a
    /// warning), <see cref="RemoteMediaValidation.Strict"/> (it is an error) or <see cref="RemoteMediaValidation.Off"/>
    /// (no request). At most 1 MiB and 48 requests per URL, within <see cref="RemoteMediaTimeout"/>, 5 redirects. URLs
    /// the SDK got from the <see cref="MediaUploader"/> are not checked.
    /// </summary>
    public RemoteMediaValidation RemoteMediaValidation { get; set; } = RemoteMediaValidation.BestEffort;

    /// <summary>
    /// Origins (scheme, host and port; any path is ignored) trusted by the SSRF guard of the remote pre-flight and of result
    /// downloads, even on loopback or private addresses. Every other URL may reach public addresses only, checked on
    /// every redirect hop and on the address connected to. The client's own <see cref="BaseAddress"/> is always trusted
    /// (the emulator serves its media there). Default empty.
    /// </summary>
    public IList<Uri> RemoteMediaAllowList { get; } = new List<Uri>();

    /// <summary>How long the remote pre-flight of one URL may take before it is reported as not checked. Default 10 s; 1 s–5 min.</summary>
    public TimeSpan RemoteMediaTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The SSRF guard's resolver and connect hooks (tests); <see langword="null"/> for DNS and sockets.</summary>
    internal Http.RemoteMediaNetwork? RemoteMediaNetwork { get; set; }

    /// <summary>The clock for polling, deadlines, retries and token lifetimes. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs (submissions, status changes, retries). Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The vendor's model id used when a request names none; <see langword="null"/> uses the vendor's default.</summary>
    public string? Model { get; set; }

    /// <summary>What is wrong with the credentials, one sentence per problem naming the setting (never its value).</summary>
    /// <returns>No items when the credentials are complete.</returns>
    internal virtual IEnumerable<string> CredentialErrors()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return "ApiKey is required.";
        }
    }

    /// <summary>What else the vendor cannot accept in these options, one sentence per problem naming the setting.</summary>
    /// <returns>No items when every setting is one the vendor supports.</returns>
    internal virtual IEnumerable<string> VendorSettingErrors() => [];

    /// <summary>The options type and base address; credentials are never included.</summary>
    /// <returns>For example <c>KlingOptions(https://api-singapore.klingai.com/)</c>.</returns>
    public override string ToString() => $"{GetType().Name}({BaseAddress})";
}
