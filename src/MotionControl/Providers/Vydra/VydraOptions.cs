namespace MotionControl.Providers.Vydra;

/// <summary>
/// Settings of a <see cref="VydraClient"/>. Vydra authenticates with <see cref="MotionControlClientOptions.ApiKey"/>
/// (<c>vydra_live_…</c>) sent as <c>Authorization: Bearer &lt;key&gt;</c>.
/// </summary>
public sealed class VydraOptions : MotionControlClientOptions
{
    /// <summary>
    /// <c>https://www.vydra.ai</c>: Vydra's production host, the default. Paths start with <c>api/v1/</c>.
    /// </summary>
    /// <remarks>
    /// Deliberately the <c>www</c> host, not the bare <c>https://vydra.ai</c> that Vydra's pages show: the bare domain
    /// answers with a redirect to <c>www</c>, and <see cref="HttpClient"/> drops the <c>Authorization</c> header when it
    /// follows a redirect to another host, so every call would fail as unauthenticated (HTTP 401). The SDK's HTTP
    /// clients (its own, and the named clients of <c>AddMotionControl</c>) do not follow redirects at all: they report them as <see cref="MotionControlRequestRejectedException"/>
    /// naming the new address. If you set <see cref="MotionControlClientOptions.BaseAddress"/> yourself, use the
    /// <c>www</c> host too.
    /// </remarks>
    public static readonly Uri DefaultBaseAddress = new("https://www.vydra.ai");

    /// <summary>Creates options for Vydra's production host (<see cref="DefaultBaseAddress"/>, the <c>www</c> host: see there why).</summary>
    public VydraOptions()
        : base(DefaultBaseAddress)
    {
    }

    /// <summary>Vydra's Motion Control route fixes the model, so a configured <see cref="MotionControlClientOptions.Model"/> would be silently ignored.</summary>
    internal override IEnumerable<string> VendorSettingErrors()
    {
        if (Model is not null)
        {
            yield return "Model is not supported: Vydra's Motion Control route fixes the model; leave Model unset.";
        }
    }
}
