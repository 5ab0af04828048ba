using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.ModelsLab;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ModelsLab on the <c>AddMotionControl()</c> builder.</summary>
public static class ModelsLabMotionControlBuilderExtensions
{
    /// <summary>Adds ModelsLab (<c>modelslab</c>, key sent in the body), registered under the vendor's name. Resolves <see cref="ModelsLabClient"/> and <see cref="IModelsLabApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddModelsLab(this MotionControlBuilder builder, Action<ModelsLabOptions>? configure = null) =>
        builder.AddModelsLab(ModelsLabVendor.Descriptor.Name, null, configure);

    /// <summary>Adds ModelsLab from a configuration section (keys: <c>ApiKey</c>, <c>BaseAddress</c>, ...), registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:ModelsLab</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddModelsLab(this MotionControlBuilder builder, IConfiguration? section, Action<ModelsLabOptions>? configure = null) =>
        builder.AddModelsLab(ModelsLabVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a ModelsLab account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"modelslab-eu"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddModelsLab(this MotionControlBuilder builder, string name, Action<ModelsLabOptions>? configure = null) =>
        builder.AddModelsLab(name, null, configure);

    /// <summary>Adds a ModelsLab account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddModelsLab(this MotionControlBuilder builder, string name, IConfiguration? section, Action<ModelsLabOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(ModelsLabVendor.Descriptor, name, section, configure, static (options, connection) => new ModelsLabClient(options, connection), static client => client.Api);
    }
}
