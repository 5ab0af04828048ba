using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotionControl.DependencyInjection;
using MotionControl.Testing;

namespace MotionControl.Cli.Connection;

/// <summary>
/// One command's client: built by the SDK's own dependency injection from the SDK's configuration keys (user secrets,
/// then environment variables such as <c>MOTIONCONTROL__KLING__APIKEY</c>), or, with <c>--emulator</c>, pointed at a
/// running emulator (or one started in-process for this command only).
/// </summary>
internal sealed class ClientConnection : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MotionControlEmulator? _ownEmulator;

    private ClientConnection(ServiceProvider services, IMotionControlClient client, string provider, bool emulator, MotionControlEmulator? ownEmulator)
    {
        _services = services;
        Client = client;
        Provider = provider;
        IsEmulator = emulator;
        _ownEmulator = ownEmulator;
    }

    /// <summary>Gets the client of the chosen provider.</summary>
    public IMotionControlClient Client { get; }

    /// <summary>Gets the registration name of the chosen provider (what <c>--provider</c> takes).</summary>
    public string Provider { get; }

    /// <summary>Gets a value indicating whether the client talks to the emulator.</summary>
    public bool IsEmulator { get; }

    /// <summary>Gets a value indicating whether the emulator was started for this command only (its tasks end with it).</summary>
    public bool IsOwnEmulator => _ownEmulator is not null;

    /// <summary>The configuration the SDK's keys are read from: user secrets (id <c>motion-control-cli</c>), then environment variables.</summary>
    public static IConfiguration UserConfiguration() =>
        new ConfigurationBuilder()
            .AddUserSecrets(typeof(ClientConnection).Assembly, optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>Opens the client of <paramref name="provider"/> (or the default provider).</summary>
    /// <param name="provider">The <c>--provider</c> value, or null.</param>
    /// <param name="emulator">Whether <c>--emulator</c> was given.</param>
    /// <param name="waitTimeout">The <c>--timeout</c> of a wait, or null for the configured one.</param>
    /// <param name="verbose">Whether the SDK's logs go to stderr.</param>
    /// <param name="cancellationToken">Cancels the emulator probe or start.</param>
    /// <param name="notes">Where a note goes that the command runs on an emulator of its own (stderr).</param>
    public static async Task<ClientConnection> OpenAsync(string? provider, bool emulator, TimeSpan? waitTimeout, bool verbose, TextWriter notes, CancellationToken cancellationToken)
    {
        MotionControlEmulator? ownEmulator = null;
        IConfiguration baseConfiguration;
        if (emulator)
        {
            var address = EmulatorSettings.ConfiguredAddress();
            if (!await EmulatorSettings.IsRunningAsync(address, cancellationToken).ConfigureAwait(false))
            {
                ownEmulator = await MotionControlEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                await notes.WriteLineAsync($"note: no emulator runs at {address.AbsoluteUri}; this command runs on one of its own, whose tasks end with it ('motion-control emulator' runs one that lasts).").ConfigureAwait(false);
                address = ownEmulator.BaseAddress;
            }

            baseConfiguration = new ConfigurationBuilder().AddInMemoryCollection(EmulatorSettings.Configuration(address)).Build();
        }
        else
        {
            baseConfiguration = UserConfiguration();
        }

        try
        {
            var section = baseConfiguration.GetSection("MotionControl");
            string name = ChooseProvider(provider, section, emulator);
            var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (waitTimeout is { } timeout)
            {
                overrides["MotionControl:WaitOptions:Timeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
                if (section.GetSection(name).GetSection("WaitOptions").Exists())
                {
                    // A provider's own WaitOptions override the shared ones; --timeout overrides both.
                    overrides[$"MotionControl:{name}:WaitOptions:Timeout"] = overrides["MotionControl:WaitOptions:Timeout"];
                }
            }

            var configuration = new ConfigurationBuilder()
                .AddConfiguration(baseConfiguration)
                .AddInMemoryCollection(overrides)
                .Build();
            var services = new ServiceCollection();
            services.AddLogging(logging =>
            {
                if (verbose)
                {
                    logging.SetMinimumLevel(LogLevel.Debug);
                    logging.AddSimpleConsole(o => o.SingleLine = true);
                    logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                }
                else
                {
                    logging.ClearProviders();
                }
            });
            services.AddMotionControl(configuration.GetSection("MotionControl"));
            var provided = services.BuildServiceProvider();
            try
            {
                var factory = provided.GetRequiredService<IMotionControlClientFactory>();
                if (!factory.ProviderNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    throw MissingCredentials(name);
                }

                IMotionControlClient client;
                try
                {
                    client = factory.GetClient(name);
                }
                catch (OptionsValidationException ex)
                {
                    // The SDK's messages name the setting's path, never its value.
                    throw new CliUsageException($"The configuration of '{name}' is incomplete: {string.Join(" ", ex.Failures)}", ex);
                }

                return new ClientConnection(provided, client, name, emulator, ownEmulator);
            }
            catch
            {
                await provided.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            if (ownEmulator is not null)
            {
                await ownEmulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The environment variables that give <paramref name="provider"/> its key, for messages.</summary>
    public static string KeyVariables(string provider)
    {
        string section = SectionOf(provider).ToUpperInvariant();
        return string.Equals(provider, MotionControlProviders.Kling, StringComparison.OrdinalIgnoreCase)
            ? $"MOTIONCONTROL__{section}__APIKEY (or MOTIONCONTROL__{section}__ACCESSKEY and MOTIONCONTROL__{section}__SECRETKEY)"
            : $"MOTIONCONTROL__{section}__APIKEY";
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        if (_ownEmulator is not null)
        {
            await _ownEmulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string ChooseProvider(string? provider, IConfigurationSection section, bool emulator)
    {
        if (!string.IsNullOrWhiteSpace(provider))
        {
            string name = provider.Trim();
            bool known = MotionControlProviders.All.Contains(name, StringComparer.OrdinalIgnoreCase) || (!emulator && section.GetSection(name).Exists());
            return known
                ? name.ToLowerInvariant()
                : throw new CliUsageException($"--provider '{name}' is not a provider: use one of {string.Join(", ", MotionControlProviders.All)} (or a registration name from your configuration).");
        }

        return section["DefaultProvider"] is { Length: > 0 } configured ? configured : MotionControlProviders.Kling;
    }

    private static CliUsageException MissingCredentials(string provider) =>
        new($"No credentials for '{provider}': set {KeyVariables(provider)} (or the user secret MotionControl:{SectionOf(provider)}:ApiKey), or pass --emulator to try it offline.");

    private static string SectionOf(string provider) =>
        EmulatorSettings.Sections.FirstOrDefault(s => string.Equals(s, provider, StringComparison.OrdinalIgnoreCase)) ?? provider;
}
