using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Kling;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kling on the <c>AddMotionControl()</c> builder.</summary>
public static class KlingMotionControlBuilderExtensions
{
    /// <summary>Adds Kling (<c>kling</c>): AccessKey + SecretKey (a signed JWT) or an API key, registered under the vendor's name. Resolves <see cref="KlingClient"/> and <see cref="IKlingApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddKling(this MotionControlBuilder builder, Action<KlingOptions>? configure = null) =>
        builder.AddKling(KlingVendor.Descriptor.Name, null, configure);

    /// <summary>Adds Kling from a configuration section (keys: <c>AccessKey</c>, <c>SecretKey</c>, <c>ApiKey</c>, <c>BaseAddress</c>, ...), registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:Kling</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddKling(this MotionControlBuilder builder, IConfiguration? section, Action<KlingOptions>? configure = null) =>
        builder.AddKling(KlingVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a Kling account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"kling-eu"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddKling(this MotionControlBuilder builder, string name, Action<KlingOptions>? configure = null) =>
        builder.AddKling(name, null, configure);

    /// <summary>Adds a Kling account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddKling(this MotionControlBuilder builder, string name, IConfiguration? section, Action<KlingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(KlingVendor.Descriptor, name, section, configure, static (options, connection) => new KlingClient(options, connection), static client => client.Api);
    }
}
