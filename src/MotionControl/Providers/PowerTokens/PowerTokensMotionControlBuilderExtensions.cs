using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.PowerTokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PowerTokens on the <c>AddMotionControl()</c> builder.</summary>
public static class PowerTokensMotionControlBuilderExtensions
{
    /// <summary>Adds PowerTokens (<c>powertokens</c>, bearer API key), registered under the vendor's name. Resolves <see cref="PowerTokensClient"/> and <see cref="IPowerTokensApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddPowerTokens(this MotionControlBuilder builder, Action<PowerTokensOptions>? configure = null) =>
        builder.AddPowerTokens(PowerTokensVendor.Descriptor.Name, null, configure);

    /// <summary>Adds PowerTokens from a configuration section (keys: <c>ApiKey</c>, <c>BaseAddress</c>, ...), registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:PowerTokens</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddPowerTokens(this MotionControlBuilder builder, IConfiguration? section, Action<PowerTokensOptions>? configure = null) =>
        builder.AddPowerTokens(PowerTokensVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a PowerTokens account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"powertokens-eu"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddPowerTokens(this MotionControlBuilder builder, string name, Action<PowerTokensOptions>? configure = null) =>
        builder.AddPowerTokens(name, null, configure);

    /// <summary>Adds a PowerTokens account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddPowerTokens(this MotionControlBuilder builder, string name, IConfiguration? section, Action<PowerTokensOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(PowerTokensVendor.Descriptor, name, section, configure, static (options, connection) => new PowerTokensClient(options, connection), static client => client.Api);
    }
}
