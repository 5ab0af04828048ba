namespace MotionControl.Providers.Replicate;

/// <summary>
/// Settings of a <see cref="ReplicateClient"/>. Replicate authenticates with <see cref="MotionControlClientOptions.ApiKey"/>
/// (your API token, <c>r8_…</c>) sent as <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
public sealed class ReplicateOptions : MotionControlClientOptions
{
    /// <summary><c>https://api.replicate.com/</c>: Replicate's API root, the default. Paths start with <c>v1/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.replicate.com/");

    /// <summary>The shortest <see cref="CancelAfter"/> Replicate accepts: 5 s (https://replicate.com/docs/reference/http, <c>Cancel-After</c>).</summary>
    public static readonly TimeSpan MinCancelAfter = TimeSpan.FromSeconds(5);

    /// <summary>Creates options for Replicate's API root (<see cref="DefaultBaseAddress"/>).</summary>
    public ReplicateOptions()
        : base(DefaultBaseAddress)
    {
    }

    /// <summary>
    /// A server-side deadline for every prediction this client creates, sent as the <c>Cancel-After</c> header (for
    /// example <c>5m</c>): Replicate cancels a prediction still running that long after it was created (<c>canceled</c>,
    /// charged for the time it ran) and aborts one that never started (<c>aborted</c>, not charged). At least
    /// <see cref="MinCancelAfter"/> (5 s); <see langword="null"/> (the default) sends no deadline.
    /// </summary>
    public TimeSpan? CancelAfter { get; set; }

    /// <summary>A <see cref="CancelAfter"/> below Replicate's minimum is refused when the client is built, not by Replicate after the upload.</summary>
    internal override IEnumerable<string> VendorSettingErrors()
    {
        if (CancelAfter is { } deadline && deadline < MinCancelAfter)
        {
            yield return $"CancelAfter must be at least {MinCancelAfter.TotalSeconds:0} s, Replicate's minimum (it is {deadline}).";
        }
    }
}
