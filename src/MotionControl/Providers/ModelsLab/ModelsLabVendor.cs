using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.ModelsLab;

/// <summary>ModelsLab, described once for the neutral client and for dependency injection.</summary>
internal static class ModelsLabVendor
{
    public static VendorDescriptor<ModelsLabOptions, IModelsLabRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.ModelsLab,
        SectionName = "ModelsLab",
        Capabilities = new MotionControlCapabilities
        {
            SupportsBalance = true,
            ProviderName = MotionControlProviders.ModelsLab,
            DisplayName = "ModelsLab",
            DefaultModel = ModelsLabClient.DefaultModel,
            Models = [ModelsLabClient.DefaultModel, ModelsLabClient.KlingV3Model],
            ModelProfiles =
            [
                new MotionControlModelProfile { Model = ModelsLabClient.DefaultModel, SupportsMode = true },

                // Not on ModelsLab's pages: real clients send it [inferred].
                new MotionControlModelProfile { Model = ModelsLabClient.KlingV3Model, SupportsMode = true, IsInferred = true },
            ],
            ImageTransports = MediaTransport.Url,
            VideoTransports = MediaTransport.Url,
            RequiresPrompt = true,
            SupportsMode = true,
            SupportsCallback = true,

            // track_id is only echoed in webhooks: ModelsLab cannot look a task up by it, so it cannot make a lost create recoverable.
            SupportsExternalTaskId = false,
        },
        Statuses = VendorStatus.Map(
            ("queued", MotionControlTaskStatus.Queued),
            ("processing", MotionControlTaskStatus.Processing),
            ("success", MotionControlTaskStatus.Succeeded),
            ("error", MotionControlTaskStatus.Failed),
            ("failed", MotionControlTaskStatus.Failed)),
        Secrets = static options => new SecretRedactor(options.ApiKey),

        // The key travels in each body (ModelsLabEndpoints), not in a header.
        Authenticator = static _ => NoAuthenticator.Instance,
        Errors = ModelsLabErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(ModelsLabJsonContext.Default),
    };
}
