using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Fal;

/// <summary>fal.ai, described once for the neutral client and for dependency injection.</summary>
internal static class FalVendor
{
    /// <summary>
    /// fal's image limits: 340–3850 px per side [inferred: third-party clients downscale to "fal's 3850px cap"; fal's model
    /// pages state no image size]; the rest are Kling's own, which fal passes on.
    /// </summary>
    public static MotionControlLimits Limits { get; } = MotionControlLimits.Default with { ImageMinSide = 340, ImageMaxSide = 3850 };

    public static VendorDescriptor<FalOptions, IFalRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.Fal,
        SectionName = "Fal",
        Capabilities = new MotionControlCapabilities
        {
            ProviderName = MotionControlProviders.Fal,
            DisplayName = "fal",
            DefaultModel = FalClient.DefaultModel,
            Models = [FalClient.DefaultModel, FalClient.KlingV3Model],
            ModelProfiles =
            [
                new MotionControlModelProfile { Model = FalClient.DefaultModel, Aliases = ["kling-2.6"], SupportsMode = true, SupportsKeepOriginalSound = true, Limits = Limits },
                new MotionControlModelProfile { Model = FalClient.KlingV3Model, Aliases = ["kling-3.0"], SupportsMode = true, SupportsKeepOriginalSound = true, SupportsElements = true, Limits = Limits },
            ],

            // Local files go to fal storage (FalClient registers its uploader when the caller gives none).
            ImageTransports = MediaTransport.Url,
            VideoTransports = MediaTransport.Url,
            SupportsMode = true,
            SupportsKeepOriginalSound = true,
            SupportsElements = true,
            SupportsImageElements = true,
            SupportsElementIds = false,
            SupportsCallback = true,
            SupportsExternalTaskId = false,
            SupportsList = false,
            SupportsCostEstimate = false,
            SupportsBalance = true,
            SupportsCancel = true,
            ReportsProgress = false,
            VendorDefaultOrientation = null,
            Limits = Limits,
        },

        // fal's queue status is a closed set (IN_QUEUE, IN_PROGRESS, COMPLETED); COMPLETED is decided by the result, so it
        // is not listed as Succeeded here. The other words are [inferred] spellings a gateway may use for the same ends.
        Statuses = VendorStatus.Map(
            ("IN_QUEUE", MotionControlTaskStatus.Queued),
            ("IN_PROGRESS", MotionControlTaskStatus.Processing),
            ("COMPLETED", MotionControlTaskStatus.Succeeded),
            ("CANCELLED", MotionControlTaskStatus.Canceled),
            ("CANCELED", MotionControlTaskStatus.Canceled),
            ("FAILED", MotionControlTaskStatus.Failed),
            ("ERROR", MotionControlTaskStatus.Failed)),
        Secrets = static options => new SecretRedactor(options.ApiKey),
        Authenticator = static options => new FalKeyAuthenticator(options.ApiKey!),
        Errors = FalErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(FalJsonContext.Default),
        BindSettings = static (options, section) =>
        {
            options.PlatformBaseAddress = UriSetting(section, "PlatformBaseAddress") ?? options.PlatformBaseAddress;
            options.StorageBaseAddress = UriSetting(section, "StorageBaseAddress") ?? options.StorageBaseAddress;
        },
    };

    /// <summary>The Refit settings of the platform and storage routes.</summary>
    public static Refit.RefitSettings PlatformRoutes { get; } = VendorHttpClients.Settings(FalJsonContext.Default);

    private static Uri? UriSetting(Microsoft.Extensions.Configuration.IConfiguration section, string key) =>
        section[key] is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
        : throw new InvalidOperationException($"The setting '{DependencyInjection.ConfigurationReader.Path(section, key)}' must be an absolute http(s) URL.");
}
