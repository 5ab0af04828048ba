using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotionControl;
using MotionControl.DependencyInjection;
using MotionControl.Http;
using MotionControl.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MotionControl in a service collection.</summary>
public static class MotionControlServiceCollectionExtensions
{
    /// <summary>
    /// Adds MotionControl: add providers on the returned builder. Resolve <see cref="IMotionControlClient"/> (the default
    /// provider), a keyed client (<c>[FromKeyedServices("vydra")]</c>), <see cref="IMotionControlClientFactory"/>, or a typed
    /// vendor API (<c>IKlingApi</c>, ...).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configureDefaults">Sets what every provider shares (wait and retry defaults, the default provider).</param>
    /// <returns>The builder.</returns>
    public static MotionControlBuilder AddMotionControl(this IServiceCollection services, Action<MotionControlDefaults>? configureDefaults = null) =>
        AddCore(services, null, configureDefaults);

    /// <summary>
    /// Adds MotionControl from configuration (the <c>MotionControl</c> section): shared defaults from its top-level keys and
    /// every provider whose section is present (<c>Kling</c>, <c>PowerTokens</c>, <c>ModelsLab</c>, <c>AimlApi</c>,
    /// <c>Vydra</c>), and every further section that names its vendor in <c>Vendor</c> (a second account, registered
    /// under the section's name). See docs/configuration.md for the JSON shape.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>MotionControl</c> section.</param>
    /// <returns>The builder, to add or customise more.</returns>
    public static MotionControlBuilder AddMotionControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = AddCore(services, configuration, null);
        VendorCatalog.AddConfigured(builder, configuration);
        return builder;
    }

    private static MotionControlBuilder AddCore(IServiceCollection services, IConfiguration? configuration, Action<MotionControlDefaults>? configureDefaults)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(MotionControlRegistry))?.ImplementationInstance as MotionControlRegistry;
        if (registry is null)
        {
            registry = new MotionControlRegistry();
            services.AddSingleton(registry);
            services.AddHttpClient();

            // Result downloads: no vendor credential, redirects followed (CDNs redirect), the caller's handlers may be added.
            // Its loggers go too: result URLs are signed (a CDN token in the query), and the factory logs the full URI.
            services.AddHttpClient(MotionControlBuilder.DownloadHttpClientName, static client => client.Timeout = Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers()
                .ConfigurePrimaryHttpMessageHandler(static () => VendorHttpClients.DownloadHandler());
            services.AddOptions<MotionControlDefaults>();
            services.TryAddSingleton<IMotionControlClientFactory, MotionControlClientFactory>();
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IMotionControlClient>(registry.ResolveDefault()));
        }

        if (configuration is not null)
        {
            services.Configure<MotionControlDefaults>(defaults => ConfigurationReader.BindDefaults(defaults, configuration));
            if (configuration["DefaultProvider"] is { } defaultProvider)
            {
                registry.DefaultProvider = defaultProvider;
            }
        }

        if (configureDefaults is not null)
        {
            services.Configure(configureDefaults);
            var probe = new MotionControlDefaults();
            configureDefaults(probe);
            registry.DefaultProvider = probe.DefaultProvider ?? registry.DefaultProvider;
        }

        return new MotionControlBuilder(services, registry, configuration);
    }
}
