using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.Replicate;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Replicate on the <c>AddMotionControl()</c> builder.</summary>
/// <remarks>
/// The same calls as the other vendors' (<c>AddReplicate()</c>, <c>AddReplicate(o => ...)</c>, <c>AddReplicate(section)</c>,
/// <c>AddReplicate("replicate-team", o => ...)</c>, ...), as overloads without optional parameters: the public API
/// analyzer refuses a new overload set with several optional ones.
/// </remarks>
public static class ReplicateMotionControlBuilderExtensions
{
    /// <summary>Adds Replicate (<c>replicate</c>, bearer API token), registered under the vendor's name. Resolves <see cref="ReplicateClient"/> and <see cref="IReplicateApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder) =>
        builder.AddReplicate(ReplicateVendor.Descriptor.Name, null, null);

    /// <summary>Adds Replicate (<c>replicate</c>, bearer API token), registered under the vendor's name. Resolves <see cref="ReplicateClient"/> and <see cref="IReplicateApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder, Action<ReplicateOptions>? configure) =>
        builder.AddReplicate(ReplicateVendor.Descriptor.Name, null, configure);

    /// <summary>Adds Replicate from a configuration section (keys: <c>ApiKey</c>, <c>BaseAddress</c>, <c>CancelAfter</c>, ...), registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:Replicate</c> when the builder came from configuration.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder, IConfiguration? section) =>
        builder.AddReplicate(ReplicateVendor.Descriptor.Name, section, null);

    /// <summary>Adds Replicate from a configuration section, registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:Replicate</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder, IConfiguration? section, Action<ReplicateOptions>? configure) =>
        builder.AddReplicate(ReplicateVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a Replicate account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"replicate-team"</c>); the vendor's name is the default registration.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder, string name) =>
        builder.AddReplicate(name, null, null);

    /// <summary>Adds a Replicate account under its own registration name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"replicate-team"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder, string name, Action<ReplicateOptions>? configure) =>
        builder.AddReplicate(name, null, configure);

    /// <summary>Adds a Replicate account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddReplicate(this MotionControlBuilder builder, string name, IConfiguration? section, Action<ReplicateOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(ReplicateVendor.Descriptor, name, section, configure, static (options, connection) => new ReplicateClient(options, connection), static client => client.Api);
    }
}
