using Microsoft.Extensions.Configuration;
using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Kling;

/// <summary>Kling, described once for the neutral client and for dependency injection.</summary>
internal static class KlingVendor
{
    public static VendorDescriptor<KlingOptions, IKlingServiceRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.Kling,
        SectionName = "Kling",
        Capabilities = new MotionControlCapabilities
        {
            ProviderName = MotionControlProviders.Kling,
            DisplayName = "Kling",
            DefaultModel = KlingClient.DefaultModel,
            Models = [KlingClient.DefaultModel, KlingClient.KlingV3Model],
            ImageTransports = MediaTransport.Url | MediaTransport.RawBase64,
            VideoTransports = MediaTransport.Url,
            SupportsMode = true,
            SupportsKeepOriginalSound = true,
            SupportsElements = true,
            SupportsWatermark = true,
            SupportsCallback = true,
            SupportsExternalTaskId = true,
            SupportsList = true,
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
        Limits = Descriptor.Capabilities.Limits with { ImageMaxBytes = 50L * 1024 * 1024 },
    };
}
