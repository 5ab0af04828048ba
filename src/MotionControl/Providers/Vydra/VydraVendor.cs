using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Vydra;

/// <summary>Vydra, described once for the neutral client and for dependency injection.</summary>
internal static class VydraVendor
{
    public static VendorDescriptor<VydraOptions, IVydraRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.Vydra,
        SectionName = "Vydra",
        Capabilities = new MotionControlCapabilities
        {
            ProviderName = MotionControlProviders.Vydra,
            DisplayName = "Vydra",
            DefaultModel = VydraClient.DefaultModel,
            Models = [VydraClient.DefaultModel],
            ImageTransports = MediaTransport.Url,
            VideoTransports = MediaTransport.Url,
            RequiresPrompt = true,
            SupportsModelChoice = false,
            SupportsCostEstimate = true,
            SupportsKeepOriginalSound = true,
            SupportsList = true,
            SupportsBalance = true,
            SupportsCancel = true,
            ReportsProgress = true,
            VendorDefaultOrientation = CharacterOrientation.Video,
        },
        Statuses = VendorStatus.Map(
            ("pending", MotionControlTaskStatus.Queued),
            ("running", MotionControlTaskStatus.Processing),
            ("processing", MotionControlTaskStatus.Processing),
            ("completed", MotionControlTaskStatus.Succeeded),
            ("failed", MotionControlTaskStatus.Failed),
            ("error", MotionControlTaskStatus.Failed),
            ("cancelled", MotionControlTaskStatus.Canceled),
            ("canceled", MotionControlTaskStatus.Canceled)),
        Secrets = static options => new SecretRedactor(options.ApiKey),
        Authenticator = static options => new BearerKeyAuthenticator(options.ApiKey!),
        Errors = VydraErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(VydraJsonContext.Default),
    };
}
