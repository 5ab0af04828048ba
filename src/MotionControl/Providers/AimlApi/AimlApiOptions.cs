namespace MotionControl.Providers.AimlApi;

/// <summary>
/// Settings of an <see cref="AimlApiClient"/>. AIMLAPI authenticates with <see cref="MotionControlClientOptions.ApiKey"/>
/// sent as <c>Authorization: Bearer &lt;key&gt;</c>.
/// </summary>
public sealed class AimlApiOptions : MotionControlClientOptions
{
    /// <summary><c>https://api.aimlapi.com</c>: AIMLAPI's production host, the default. Paths start with <c>v2/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.aimlapi.com");

    /// <summary>Creates options for AIMLAPI's production host (<see cref="DefaultBaseAddress"/>).</summary>
    public AimlApiOptions()
        : base(DefaultBaseAddress)
    {
    }
}
