namespace MotionControl.Providers.ModelsLab;

/// <summary>
/// Settings of a <see cref="ModelsLabClient"/>. ModelsLab authenticates with <see cref="MotionControlClientOptions.ApiKey"/>
/// sent in the JSON body (<c>key</c>) of every call, create and fetch alike; there is no auth header.
/// </summary>
/// <remarks>
/// Although the key travels in the body, it never appears in logs, exception messages, reply excerpts or
/// <see cref="MotionControlClientOptions.ToString"/>: the client redacts it from every text it produces.
/// </remarks>
public sealed class ModelsLabOptions : MotionControlClientOptions
{
    /// <summary>
    /// <c>https://modelslab.com</c>: ModelsLab's production host, the default. Every path starts with <c>api/v7/</c>, so a
    /// different base address (a <c>MotionControl.Testing</c> emulator, a proxy) must be the host only, without <c>/api</c>.
    /// </summary>
    public static readonly Uri DefaultBaseAddress = new("https://modelslab.com");

    /// <summary>Creates options for ModelsLab's production host (<see cref="DefaultBaseAddress"/>).</summary>
    public ModelsLabOptions()
        : base(DefaultBaseAddress)
    {
    }
}
