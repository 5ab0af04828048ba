using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.AimlApi;

/// <summary>AIMLAPI, described once for the neutral client and for dependency injection.</summary>
internal static class AimlApiVendor
{
    public static VendorDescriptor<AimlApiOptions, IAimlApiRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.AimlApi,
        SectionName = "AimlApi",
        Capabilities = new MotionControlCapabilities
        {
            SupportsBalance = true,
            ProviderName = MotionControlProviders.AimlApi,
            DisplayName = "AIMLAPI",
            DefaultModel = AimlApiClient.DefaultModel,
            Models = [AimlApiClient.DefaultModel, AimlApiClient.KlingV3Model],
            ModelProfiles =
            [
                new MotionControlModelProfile { Model = AimlApiClient.DefaultModel, SupportsKeepOriginalSound = true, VendorDefaultOrientation = CharacterOrientation.Image },
                new MotionControlModelProfile { Model = AimlApiClient.KlingV3Model, SupportsMode = true, SupportsKeepOriginalSound = true, VendorDefaultOrientation = CharacterOrientation.Video },
            ],
            SupportsMode = true,
            ImageTransports = MediaTransport.Url | MediaTransport.DataUri,
            VideoTransports = MediaTransport.Url | MediaTransport.DataUri,
            RequiresHttpsVideoUrl = true,
            SupportsKeepOriginalSound = true,
            VendorDefaultOrientation = CharacterOrientation.Image,
        },
        Statuses = VendorStatus.Map(
            ("queued", MotionControlTaskStatus.Queued),
            ("waiting", MotionControlTaskStatus.Queued),
            ("generating", MotionControlTaskStatus.Processing),
            ("completed", MotionControlTaskStatus.Succeeded),
            ("error", MotionControlTaskStatus.Failed)),
        Secrets = static options => new SecretRedactor(options.ApiKey),
        Authenticator = static options => new BearerKeyAuthenticator(options.ApiKey!),
        Errors = AimlApiErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(AimlApiJsonContext.Default),
    };
}
