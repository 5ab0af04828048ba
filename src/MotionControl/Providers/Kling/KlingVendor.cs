using MotionControl.DependencyInjection;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Kling;

/// <summary>Kling, described once for the neutral client and for dependency injection.</summary>
internal static class KlingVendor
{
    /// <summary>kling-v2-6 (kling-2.6 on API 2.0): mode and sound flag, no element.</summary>
    public static MotionControlModelProfile KlingV26Profile { get; } = new()
    {
        Model = KlingClient.DefaultModel,
        Aliases = [KlingV2Endpoints.Kling26],
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
    };

    /// <summary>kling-v3 (kling-3.0 on API 2.0): mode, sound flag and one element.</summary>
    public static MotionControlModelProfile KlingV3Profile { get; } = new()
    {
        Model = KlingClient.KlingV3Model,
        Aliases = [KlingV2Endpoints.Kling30],
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
        SupportsElements = true,
    };

    public static VendorDescriptor<KlingOptions, IKlingServiceRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.Kling,
        SectionName = "Kling",
        Capabilities = new MotionControlCapabilities
        {
            SupportsBalance = true,
            ProviderName = MotionControlProviders.Kling,
            DisplayName = "Kling",
            DefaultModel = KlingClient.DefaultModel,
            Models = [KlingClient.DefaultModel, KlingClient.KlingV3Model],
            ModelProfiles = [KlingV26Profile, KlingV3Profile],
            RequiresNumericElementIds = true,
            ImageTransports = MediaTransport.Url | MediaTransport.RawBase64,
            VideoTransports = MediaTransport.Url,
            SupportsMode = true,
            SupportsKeepOriginalSound = true,
            SupportsElements = true,
            SupportsWatermark = true,
            SupportsCallback = true,
            SignsCallbacks = true,
            SupportsExternalTaskId = true,
            SupportsList = true,
            SupportsCostEstimate = true,
            ReportsProgress = false,
            VendorDefaultOrientation = null,
        },
        CapabilitiesOf = static options => options.ApiVersion == KlingApiVersion.V2 ? V2Capabilities : null,
        Statuses = KlingTaskMapper.Statuses,
        Secrets = static options => new SecretRedactor(options.ApiKey, options.AccessKey, options.SecretKey),

        // The API key as a bearer token when set, else a JWT signed from the access key and secret key.
        Authenticator = static options => options.UsesJwt
            ? new KlingJwtSigner(options.AccessKey!, options.SecretKey!, options.TimeProvider ?? TimeProvider.System)
            : new BearerKeyAuthenticator(options.ApiKey!),
        Errors = KlingErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(KlingJsonContext.Default),
        BindSettings = static (options, section) =>
        {
            options.AccessKey = section["AccessKey"] ?? options.AccessKey;
            options.SecretKey = section["SecretKey"] ?? options.SecretKey;
            options.ApiVersion = ConfigurationReader.EnumValue<KlingApiVersion>(section, "ApiVersion") ?? options.ApiVersion;
        },
    };

    /// <summary>
    /// Kling API 2.0: the same features (<c>Mode</c> is the resolution, 720p or 1080p), the 2.0 model names beside the
    /// legacy ones, and images up to 50 MB.
    /// </summary>
    private static MotionControlCapabilities V2Capabilities { get; } = Descriptor.Capabilities with
    {
        DisplayName = "Kling (API 2.0)",
        Models = [KlingClient.DefaultModel, KlingClient.KlingV3Model, KlingV2Endpoints.Kling26, KlingV2Endpoints.Kling30],
        RequiresNumericElementIds = false,
        Limits = Descriptor.Capabilities.Limits with { ImageMaxBytes = 50L * 1024 * 1024 },
    };
}
