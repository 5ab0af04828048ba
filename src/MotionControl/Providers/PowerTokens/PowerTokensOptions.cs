namespace MotionControl.Providers.PowerTokens;

/// <summary>
/// Settings of a <see cref="PowerTokensClient"/>: PowerTokens, a Kling-compatible gateway. Authenticates with
/// <see cref="MotionControlClientOptions.ApiKey"/> (required) as a bearer token. <c>ToString()</c> never shows the key.
/// </summary>
public sealed class PowerTokensOptions : MotionControlClientOptions
{
    /// <summary><c>https://api.powertokens.ai</c>: PowerTokens' production host. The default.</summary>
    public static readonly Uri ProductionBaseAddress = new("https://api.powertokens.ai");

    /// <summary>Creates options for PowerTokens' production host (<see cref="ProductionBaseAddress"/>).</summary>
    public PowerTokensOptions()
        : base(ProductionBaseAddress)
    {
    }
}
