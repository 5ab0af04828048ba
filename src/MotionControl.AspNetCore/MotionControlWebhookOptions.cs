namespace MotionControl.AspNetCore;

/// <summary>Settings of the webhook endpoints (<c>AddWebhooks</c>, <c>MapMotionControlWebhooks</c>).</summary>
public sealed class MotionControlWebhookOptions
{
    /// <summary>
    /// Gets or sets the public address of this app as vendors reach it (for example <c>https://api.example.com/</c>). The
    /// mapped prefix and the registration name are appended, and the result fills each request's callback URL for vendors
    /// with one (unless the request sets its own). Required.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// Gets the signing secrets by registration name (the vendor's name for its default registration), as the vendor's
    /// console shows them (<c>whsec_…</c>); several separated by spaces while you roll one. Only for vendors that sign
    /// (<see cref="MotionControlCapabilities.SignsCallbacks"/>: Kling, Replicate). A registration with a secret accepts
    /// only callbacks whose signature verifies; one without is confirmed by reading the task from the vendor.
    /// </summary>
    public IDictionary<string, string> SigningSecrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the largest body accepted; larger ones get 413. Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets how long all handlers of one event may take together; then the endpoint answers 503. Default 10 s.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets how long an event is remembered, so a repeated delivery reaches no handler. Default 24 h.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how far a signed callback's timestamp may be from now. Default 5 minutes, as Kling and Replicate sign.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the clock for signature timestamps, the deduplication window and the handler timeout. Default: the
    /// <see cref="System.TimeProvider"/> registered in DI, else <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Returns the public address and which registrations have secrets; never a secret.</summary>
    /// <returns>For example <c>MotionControlWebhookOptions(https://api.example.com/, secrets for: kling)</c>.</returns>
    public override string ToString() => $"{nameof(MotionControlWebhookOptions)}({PublicBaseUrl}, secrets for: {string.Join(", ", SigningSecrets.Keys)})";
}
