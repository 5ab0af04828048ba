using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Vydra;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Vydra on the <c>AddMotionControl()</c> builder.</summary>
public static class VydraMotionControlBuilderExtensions
{
    /// <summary>Adds Vydra (<c>vydra</c>, bearer API key), registered under the vendor's name. Resolves <see cref="VydraClient"/> and <see cref="IVydraApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddVydra(this MotionControlBuilder builder, Action<VydraOptions>? configure = null) =>
        builder.AddVydra(VydraVendor.Descriptor.Name, null, configure);

    /// <summary>Adds Vydra from a configuration section (keys: <c>ApiKey</c>, <c>BaseAddress</c>, ...), registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:Vydra</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddVydra(this MotionControlBuilder builder, IConfiguration? section, Action<VydraOptions>? configure = null) =>
        builder.AddVydra(VydraVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a Vydra account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"vydra-eu"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddVydra(this MotionControlBuilder builder, string name, Action<VydraOptions>? configure = null) =>
        builder.AddVydra(name, null, configure);

    /// <summary>Adds a Vydra account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddVydra(this MotionControlBuilder builder, string name, IConfiguration? section, Action<VydraOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(VydraVendor.Descriptor, name, section, configure, static (options, connection) => new VydraClient(options, connection), static client => client.Api);
    }
}
