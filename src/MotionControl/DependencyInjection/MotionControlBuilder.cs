using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionControl.Http;
using MotionControl.Media;
using MotionControl.Providers;
using Refit;

namespace MotionControl.DependencyInjection;

/// <summary>
/// Returned by <c>AddMotionControl</c>: add providers (each vendor's <c>Add{Vendor}</c>, optionally under a registration
/// name of your choice, so two accounts of one vendor can coexist), choose the default, and customise each
/// registration's HTTP client.
/// </summary>
public sealed class MotionControlBuilder
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

    /// <summary>
    /// The name of the <see cref="IHttpClientFactory"/> client that result downloads use: <c>MotionControl.download</c>.
    /// It carries no vendor credential; add your proxy or handlers to it with <c>services.AddHttpClient(name)</c>.
    /// </summary>
    public const string DownloadHttpClientName = "MotionControl.download";

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client a registration uses: <c>MotionControl.&lt;registration&gt;</c>.</summary>
    /// <param name="providerName">A registration name (the vendor's name for its default registration).</param>
    /// <returns>The client name, for <c>services.AddHttpClient(name)</c> customisations.</returns>
    public static string HttpClientName(string providerName) => "MotionControl." + providerName;

    /// <summary>Makes <paramref name="providerName"/> the unkeyed <see cref="IMotionControlClient"/>.</summary>
    /// <param name="providerName">A registered (or soon registered) registration name.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder UseDefaultProvider(string providerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        Registry.DefaultProvider = providerName;
        return this;
    }

    /// <summary>
    /// Customises a registration's named HTTP client: add your own <see cref="DelegatingHandler"/>s, change the handler
    /// lifetime or the primary handler. The SDK's authentication handler is already in the chain.
    /// </summary>
    /// <param name="providerName">The registration name (the vendor's name for its default registration).</param>
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
    /// Registers one provider under a registration name: its named options (defaults → configuration section → delegate,
    /// validated on start), its keyed Refit client with the authentication handler, its client as a keyed singleton,
    /// keyed <see cref="IMotionControlClient"/> and typed API. The first registration of a vendor is also its unkeyed
    /// client and typed API, so code written for one account per vendor keeps working.
    /// </summary>
    internal MotionControlBuilder AddProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TRoutes, TClient, TApi>(
        VendorDescriptor<TOptions, TRoutes> vendor,
        string name,
        IConfiguration? section,
        Action<TOptions>? configure,
        Func<TOptions, VendorConnection<TRoutes>, TClient> createClient,
        Func<TClient, TApi> api)
        where TOptions : MotionControlClientOptions, new()
        where TRoutes : class
        where TClient : MotionControlClient
        where TApi : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Registry.VendorOf(name) is { } registered)
        {
            if (!string.Equals(registered, vendor.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The MotionControl registration '{name}' is already a {registered} registration; choose another name for the {vendor.Name} one.");
            }

            // Registered already (say, from configuration): layer this call's settings on top, last writer wins.
            foreach (var optionsName in OptionsNames(vendor.Name, name))
            {
                if (section is not null)
                {
                    Services.Configure<TOptions>(optionsName, options => Bind(vendor, options, section));
                }

                if (configure is not null)
                {
                    Services.Configure(optionsName, configure);
                }
            }

            return this;
        }

        Registry.Add(name, vendor.Name);
        section ??= Configuration?.GetSection(name == vendor.Name ? vendor.SectionName : name) is { } found && found.Exists() ? found : null;
        var sectionPath = section is IConfigurationSection s ? s.Path : $"MotionControl:{(name == vendor.Name ? vendor.SectionName : name)}";

        foreach (var optionsName in OptionsNames(vendor.Name, name))
        {
            Services.AddOptions<TOptions>(optionsName)
                .Configure<IOptions<MotionControlDefaults>>((options, defaults) =>
                {
                    defaults.Value.ApplyTo(options);
                    if (section is not null)
                    {
                        Bind(vendor, options, section);
                    }

                    configure?.Invoke(options);
                });
        }

        Services.AddOptions<TOptions>(name).ValidateOnStart();
        Services.AddSingleton<IValidateOptions<TOptions>>(new MotionControlOptionsValidator<TOptions>(name, sectionPath));

        // One authenticator per registration, shared by the HTTP handler and the client, so a token the vendor rejects
        // (Kling 1004) is forgotten everywhere at once.
        Services.AddKeyedSingleton<IRequestAuthenticator>(name, (sp, _) => vendor.Authenticator(ResolvedOptions<TOptions>(sp, name)));

        // Refit's keyed, generated-only client: a fresh HttpClient from IHttpClientFactory per call, so handler rotation
        // and the caller's handlers apply. As the SDK's own handler without DI: no redirects (the Authorization header
        // would not survive the hop, so the transport reports the 3xx instead) and no compression. A caller's
        // ConfigureHttpClient may replace it.
        Services.AddKeyedRefitGeneratedClient<TRoutes>(name, vendor.Routes, HttpClientName(name))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = ResolvedOptions<TOptions>(sp, name).BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new VendorRequestHandler(sp.GetRequiredKeyedService<IRequestAuthenticator>(name)))

            // IHttpClientFactory's default loggers keep request headers in their structured state unredacted (only the
            // formatted text masks them), so a structured sink at Trace would write the vendor key. The SDK logs its
            // calls itself, redacted; a caller who wants the factory's loggers back can add them with ConfigureHttpClient.
            .RemoveAllLoggers()
            .SetHandlerLifetime(TimeSpan.FromMinutes(5))
            .ConfigurePrimaryHttpMessageHandler(static () => VendorHttpClients.PrimaryHandler());

        Services.AddKeyedSingleton(name, (sp, _) =>
        {
            var connection = new VendorConnection<TRoutes>(() => sp.GetRequiredKeyedService<TRoutes>(name), sp.GetRequiredKeyedService<IRequestAuthenticator>(name));
            var client = createClient(ResolvedOptions<TOptions>(sp, name), connection);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            client.DownloadHttpClient = () => factory.CreateClient(DownloadHttpClientName);
            return client;
        });
        Services.AddKeyedSingleton<IMotionControlClient>(name, (sp, _) => sp.GetRequiredKeyedService<TClient>(name));
        Services.AddKeyedSingleton(name, (sp, _) => api(sp.GetRequiredKeyedService<TClient>(name)));
        Services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TClient>(name));
        Services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TApi>(name));
        return this;
    }

    /// <summary>
    /// The options names a registration configures: its own, and for the vendor's default registration also the unnamed
    /// options, so <c>IOptions&lt;KlingOptions&gt;</c> still shows the vendor's settings as before registrations had names.
    /// </summary>
    private static string[] OptionsNames(string vendorName, string name) =>
        name == vendorName ? [name, Options.DefaultName] : [name];

    /// <summary>The registration's options, with the host's logger factory and clock when the options name none.</summary>
    private static TOptions ResolvedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services, string name)
        where TOptions : MotionControlClientOptions
    {
        var options = services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
        options.LoggerFactory ??= services.GetService<ILoggerFactory>();
        if (options.CallbackUrl is null && services.GetService<IMotionControlCallbackUrlSource>() is { } callbacks)
        {
            options.CallbackUrl = callbacks.GetCallbackUrl(name);
        }

        // A storage uploader registered in DI (AddAzureBlobMediaUploader, AddS3MediaUploader, or your own IMediaUploader):
        // one keyed by this registration's name first, else the unkeyed one; options that name an uploader keep theirs.
        options.MediaUploader ??= services.GetKeyedService<IMediaUploader>(name) ?? services.GetService<IMediaUploader>();
        if (services.GetService<TimeProvider>() is { } time && ReferenceEquals(options.TimeProvider, TimeProvider.System))
        {
            options.TimeProvider = time;
        }

        return options;
    }

    private static void Bind<TOptions, TRoutes>(VendorDescriptor<TOptions, TRoutes> vendor, TOptions options, IConfiguration section)
        where TOptions : MotionControlClientOptions, new()
        where TRoutes : class
    {
        ConfigurationReader.BindClient(options, section);
        vendor.BindSettings?.Invoke(options, section);
    }
}
