using Microsoft.Extensions.Configuration;
using MotionControl.DependencyInjection;
using MotionControl.Providers.AimlApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AIMLAPI on the <c>AddMotionControl()</c> builder.</summary>
public static class AimlApiMotionControlBuilderExtensions
{
    /// <summary>Adds AIMLAPI (<c>aimlapi</c>, bearer API key), registered under the vendor's name. Resolves <see cref="AimlApiClient"/> and <see cref="IAimlApi"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddAimlApi(this MotionControlBuilder builder, Action<AimlApiOptions>? configure = null) =>
        builder.AddAimlApi(AimlApiVendor.Descriptor.Name, null, configure);

    /// <summary>Adds AIMLAPI from a configuration section (keys: <c>ApiKey</c>, <c>BaseAddress</c>, ...), registered under the vendor's name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section; <see langword="null"/> uses <c>MotionControl:AimlApi</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddAimlApi(this MotionControlBuilder builder, IConfiguration? section, Action<AimlApiOptions>? configure = null) =>
        builder.AddAimlApi(AimlApiVendor.Descriptor.Name, section, configure);

    /// <summary>
    /// Adds a AIMLAPI account under its own registration name, so several accounts coexist: resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <c>IMotionControlClientFactory.GetClient(name)</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name (<c>"aimlapi-eu"</c>); the vendor's name is the default registration.</param>
    /// <param name="configure">Sets the options; runs after configuration binding (the section named <paramref name="name"/>, when present).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddAimlApi(this MotionControlBuilder builder, string name, Action<AimlApiOptions>? configure = null) =>
        builder.AddAimlApi(name, null, configure);

    /// <summary>Adds a AIMLAPI account under its own registration name, from a configuration section.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="section">The section; <see langword="null"/> uses the section named <paramref name="name"/> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddAimlApi(this MotionControlBuilder builder, string name, IConfiguration? section, Action<AimlApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(AimlApiVendor.Descriptor, name, section, configure, static (options, connection) => new AimlApiClient(options, connection), static client => client.Api);
    }
}
