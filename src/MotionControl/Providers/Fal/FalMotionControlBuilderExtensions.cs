using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Fal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers fal.ai on the <c>AddMotionControl()</c> builder.</summary>
public static class FalMotionControlBuilderExtensions
{
    // No optional parameters: the public API analyzer allows them on one overload only, and the longest (RS0026/RS0027).

    /// <summary>Adds fal (<c>fal</c>, <c>Authorization: Key</c>) from configuration alone, registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddFal(this MotionControlBuilder builder) =>
        builder.AddFal(FalVendor.Descriptor.Name, null, null);

    /// <summary>Adds fal (<c>fal</c>, <c>Authorization: Key</c>), registered under the vendor's name. Resolves <see cref="FalClient"/> and <see cref="IFalApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddFal(this MotionControlBuilder builder, Action<FalOptions>? configure) =>
        builder.AddFal(FalVendor.Descriptor.Name, null, configure);

    /// <summary>
    /// Adds fal from a configuration section (keys: <c>ApiKey</c>, <c>BaseAddress</c>, <c>PlatformBaseAddress</c>,
    /// <c>StorageBaseAddress</c>, ...), registered under the vendor's name.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:Fal</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddFal(this MotionControlBuilder builder, IConfiguration? section, Action<FalOptions>? configure) =>
        builder.AddFal(FalVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a fal account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"fal-team"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddFal(this MotionControlBuilder builder, string name, Action<FalOptions>? configure) =>
        builder.AddFal(name, null, configure);

    /// <summary>Adds a fal account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The queue's requests go through <c>IHttpClientFactory</c> (your handlers apply); the platform (balance) and storage
    /// (upload) hosts use the SDK's own connections.
    /// </remarks>
    public static MotionControlBuilder AddFal(this MotionControlBuilder builder, string name, IConfiguration? section, Action<FalOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(FalVendor.Descriptor, name, section, configure, static (options, connection) => new FalClient(options, connection), static client => client.Api);
    }
}
