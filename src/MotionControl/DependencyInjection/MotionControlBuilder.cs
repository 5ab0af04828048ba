using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionControl.Http;

namespace MotionControl.DependencyInjection;

/// <summary>
/// Returned by <c>AddMotionControl</c>: add providers (<c>AddKling</c>, <c>AddPowerTokens</c>, <c>AddModelsLab</c>,
/// <c>AddAimlApi</c>, <c>AddVydra</c>), choose the default, and customise each provider's HTTP client.
/// </summary>
public sealed partial class MotionControlBuilder
{
    internal MotionControlBuilder(IServiceCollection services, MotionControlRegistry registry, IConfiguration? configuration)
    {
        Services = services;
        Registry = registry;
        Configuration = configuration;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    internal MotionControlRegistry Registry { get; }

    /// <summary>The <c>MotionControl</c> section when the builder came from configuration.</summary>
    internal IConfiguration? Configuration { get; }

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client a provider uses: <c>MotionControl.&lt;provider&gt;</c>.</summary>
    /// <param name="providerName">A provider name.</param>
    /// <returns>The client name, for <c>services.AddHttpClient(name)</c> customisations.</returns>
    public static string HttpClientName(string providerName) => "MotionControl." + providerName;

    /// <summary>Makes <paramref name="providerName"/> the unkeyed <see cref="IMotionControlClient"/>.</summary>
    /// <param name="providerName">A registered (or soon registered) provider name.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder UseDefaultProvider(string providerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        Registry.DefaultProvider = providerName;
        return this;
    }

    /// <summary>
    /// Customises a provider's named HTTP client: add your own <see cref="DelegatingHandler"/>s, change the handler
    /// lifetime or the primary handler. The SDK's authentication handler is already in the chain.
    /// </summary>
    /// <param name="providerName">The provider.</param>
    /// <param name="configure">Receives the provider's <see cref="IHttpClientBuilder"/>.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder ConfigureHttpClient(string providerName, Action<IHttpClientBuilder> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(configure);
        configure(Services.AddHttpClient(HttpClientName(providerName)));
        return this;
    }

    /// <summary>
    /// Registers one provider: its options (defaults → configuration section → delegate, validated on start), its named
    /// HTTP client with the authentication handler, its client as a singleton, keyed <see cref="IMotionControlClient"/> and
    /// typed API.
    /// </summary>
    internal MotionControlBuilder AddProvider<TOptions, TClient, TApi>(
        string providerName,
        string sectionName,
        IConfiguration? section,
        Action<TOptions>? configure,
        Action<TOptions, IConfiguration>? bindVendorSettings,
        Func<TOptions, IRequestAuthenticator> createAuthenticator,
        Func<TOptions, IRequestAuthenticator, Func<HttpClient>, TClient> createClient,
        Func<TClient, TApi> api)
        where TOptions : MotionControlClientOptions, new()
        where TClient : MotionControlClient
        where TApi : class
    {
        if (Registry.Contains(providerName))
        {
            // Registered already (say, from configuration): layer this call's settings on top, last writer wins.
            if (section is not null)
            {
                Services.Configure<TOptions>(options =>
                {
                    ConfigurationReader.BindClient(options, section);
                    bindVendorSettings?.Invoke(options, section);
                });
            }

            if (configure is not null)
            {
                Services.Configure(configure);
            }

            return this;
        }

        Registry.Add(providerName);
        section ??= Configuration?.GetSection(sectionName);
        var sectionPath = section is IConfigurationSection s ? s.Path : $"MotionControl:{sectionName}";

        Services.AddOptions<TOptions>()
            .Configure<IOptions<MotionControlDefaults>>((options, defaults) =>
            {
                defaults.Value.ApplyTo(options);
                if (section is not null)
                {
                    ConfigurationReader.BindClient(options, section);
                    bindVendorSettings?.Invoke(options, section);
                }

                configure?.Invoke(options);
            })
            .ValidateOnStart();
        Services.AddSingleton<IValidateOptions<TOptions>>(new MotionControlOptionsValidator<TOptions>(sectionPath));

        // One authenticator per provider, shared by the HTTP handler and the client, so a token the vendor rejects
        // (Kling 1004) is forgotten everywhere at once.
        Services.AddKeyedSingleton<IRequestAuthenticator>(providerName, (sp, _) => createAuthenticator(sp.GetRequiredService<IOptions<TOptions>>().Value));

        Services.AddHttpClient(HttpClientName(providerName), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => new AuthenticationHandler(sp.GetRequiredKeyedService<IRequestAuthenticator>(providerName)))
            .SetHandlerLifetime(TimeSpan.FromMinutes(5))

            // As the SDK's own handler without DI: no redirects (the Authorization header would not survive the hop, so
            // the transport reports the 3xx instead) and no compression. A caller's ConfigureHttpClient may replace it.
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
            });

        Services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            if (sp.GetService<TimeProvider>() is { } time && ReferenceEquals(options.TimeProvider, TimeProvider.System))
            {
                options.TimeProvider = time;
            }

            var factory = sp.GetRequiredService<IHttpClientFactory>();
            var name = HttpClientName(providerName);
            return createClient(options, sp.GetRequiredKeyedService<IRequestAuthenticator>(providerName), () => factory.CreateClient(name));
        });
        Services.AddKeyedSingleton<IMotionControlClient>(providerName, (sp, _) => sp.GetRequiredService<TClient>());
        Services.TryAddSingleton(sp => api(sp.GetRequiredService<TClient>()));
        return this;
    }
}
