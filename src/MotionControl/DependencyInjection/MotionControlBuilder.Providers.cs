using Microsoft.Extensions.Configuration;
using MotionControl.Providers.AimlApi;
using MotionControl.Providers.Kling;
using MotionControl.Providers.ModelsLab;
using MotionControl.Providers.PowerTokens;
using MotionControl.Providers.Vydra;

namespace MotionControl.DependencyInjection;

/// <summary>The five providers' registrations.</summary>
public sealed partial class MotionControlBuilder
{
    /// <summary>Adds Kling (<c>kling</c>): AccessKey + SecretKey (a signed JWT) or an API key. Resolves <see cref="KlingClient"/> and <see cref="IKlingApi"/>.</summary>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddKling(Action<KlingOptions>? configure = null) => AddKling(null, configure);

    /// <summary>Adds Kling from a configuration section (keys: <c>AccessKey</c>, <c>SecretKey</c>, <c>ApiKey</c>, <c>BaseAddress</c>, ...).</summary>
    /// <param name="section">The provider's section; <see langword="null"/> uses <c>MotionControl:Kling</c> when the builder came from configuration.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddKling(IConfiguration? section, Action<KlingOptions>? configure = null) =>
        AddProvider<KlingOptions, KlingClient, IKlingApi>(
            MotionControlProviders.Kling,
            "Kling",
            section,
            configure,
            static (options, config) =>
            {
                options.AccessKey = config["AccessKey"] ?? options.AccessKey;
                options.SecretKey = config["SecretKey"] ?? options.SecretKey;
            },
            KlingClient.CreateAuthenticator,
            static (options, auth, http) => new KlingClient(options, auth, http),
            static client => client.Api);

    /// <summary>Adds PowerTokens (<c>powertokens</c>, bearer API key). Resolves <see cref="PowerTokensClient"/> and <see cref="IPowerTokensApi"/>.</summary>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddPowerTokens(Action<PowerTokensOptions>? configure = null) => AddPowerTokens(null, configure);

    /// <summary>Adds PowerTokens from a configuration section.</summary>
    /// <param name="section">The provider's section; <see langword="null"/> uses <c>MotionControl:PowerTokens</c>.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddPowerTokens(IConfiguration? section, Action<PowerTokensOptions>? configure = null) =>
        AddProvider<PowerTokensOptions, PowerTokensClient, IPowerTokensApi>(
            MotionControlProviders.PowerTokens,
            "PowerTokens",
            section,
            configure,
            null,
            PowerTokensClient.CreateAuthenticator,
            static (options, auth, http) => new PowerTokensClient(options, auth, http),
            static client => client.Api);

    /// <summary>Adds ModelsLab (<c>modelslab</c>, key sent in the body). Resolves <see cref="ModelsLabClient"/> and <see cref="IModelsLabApi"/>.</summary>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddModelsLab(Action<ModelsLabOptions>? configure = null) => AddModelsLab(null, configure);

    /// <summary>Adds ModelsLab from a configuration section.</summary>
    /// <param name="section">The provider's section; <see langword="null"/> uses <c>MotionControl:ModelsLab</c>.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddModelsLab(IConfiguration? section, Action<ModelsLabOptions>? configure = null) =>
        AddProvider<ModelsLabOptions, ModelsLabClient, IModelsLabApi>(
            MotionControlProviders.ModelsLab,
            "ModelsLab",
            section,
            configure,
            null,
            ModelsLabClient.CreateAuthenticator,
            static (options, auth, http) => new ModelsLabClient(options, auth, http),
            static client => client.Api);

    /// <summary>Adds AIMLAPI (<c>aimlapi</c>, bearer API key). Resolves <see cref="AimlApiClient"/> and <see cref="IAimlApi"/>.</summary>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddAimlApi(Action<AimlApiOptions>? configure = null) => AddAimlApi(null, configure);

    /// <summary>Adds AIMLAPI from a configuration section.</summary>
    /// <param name="section">The provider's section; <see langword="null"/> uses <c>MotionControl:AimlApi</c>.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddAimlApi(IConfiguration? section, Action<AimlApiOptions>? configure = null) =>
        AddProvider<AimlApiOptions, AimlApiClient, IAimlApi>(
            MotionControlProviders.AimlApi,
            "AimlApi",
            section,
            configure,
            null,
            AimlApiClient.CreateAuthenticator,
            static (options, auth, http) => new AimlApiClient(options, auth, http),
            static client => client.Api);

    /// <summary>Adds Vydra (<c>vydra</c>, bearer API key). Resolves <see cref="VydraClient"/> and <see cref="IVydraApi"/>.</summary>
    /// <param name="configure">Sets the options; runs after configuration binding.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddVydra(Action<VydraOptions>? configure = null) => AddVydra(null, configure);

    /// <summary>Adds Vydra from a configuration section.</summary>
    /// <param name="section">The provider's section; <see langword="null"/> uses <c>MotionControl:Vydra</c>.</param>
    /// <param name="configure">Sets the options; runs last.</param>
    /// <returns>This builder.</returns>
    public MotionControlBuilder AddVydra(IConfiguration? section, Action<VydraOptions>? configure = null) =>
        AddProvider<VydraOptions, VydraClient, IVydraApi>(
            MotionControlProviders.Vydra,
            "Vydra",
            section,
            configure,
            null,
            VydraClient.CreateAuthenticator,
            static (options, auth, http) => new VydraClient(options, auth, http),
            static client => client.Api);

    /// <summary>Adds every provider whose section is present under the <c>MotionControl</c> section.</summary>
    internal void AddConfiguredProviders(IConfiguration configuration)
    {
        if (configuration.GetSection("Kling").Exists())
        {
            AddKling(configuration.GetSection("Kling"));
        }

        if (configuration.GetSection("PowerTokens").Exists())
        {
            AddPowerTokens(configuration.GetSection("PowerTokens"));
        }

        if (configuration.GetSection("ModelsLab").Exists())
        {
            AddModelsLab(configuration.GetSection("ModelsLab"));
        }

        if (configuration.GetSection("AimlApi").Exists())
        {
            AddAimlApi(configuration.GetSection("AimlApi"));
        }

        if (configuration.GetSection("Vydra").Exists())
        {
            AddVydra(configuration.GetSection("Vydra"));
        }
    }
}
