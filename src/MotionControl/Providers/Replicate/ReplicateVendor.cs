using MotionControl.Diagnostics;
using MotionControl.Http;
using MotionControl.Media;

namespace MotionControl.Providers.Replicate;

/// <summary>Replicate, described once for the neutral client and for dependency injection.</summary>
internal static class ReplicateVendor
{
    /// <summary>
    /// The limits of the model schema's own words (https://replicate.com/kwaivgi/kling-v2.6-motion-control/api): the image
    /// "max 10MB, dimensions 340px-3850px, aspect ratio 1:2.5 to 2.5:1"; the video "max 100MB, 3-30 seconds depending on
    /// character_orientation" (Kling's own). The prompt's 2500 characters are Kling's [inferred: the schema gives no maximum].
    /// </summary>
    public static MotionControlLimits Limits { get; } = MotionControlLimits.Default with { ImageMinSide = 340, ImageMaxSide = 3850 };

    /// <summary>The largest local file sent inline as a <c>data:</c> URL: Replicate advises data URLs only for files of 256 KB or less.</summary>
    public const long MaxInlineBytes = 256 * 1024;

    /// <summary>kling-v2-6 (<c>kwaivgi/kling-v2.6-motion-control</c>): mode std/pro, the sound flag, no element; Replicate assumes orientation image.</summary>
    public static MotionControlModelProfile KlingV26Profile { get; } = new()
    {
        Model = ReplicateClient.DefaultModel,
        Aliases = [ReplicateClient.KlingV26Model, "kling-v2.6-motion-control"],
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
        VendorDefaultOrientation = CharacterOrientation.Image,
        Limits = Limits,
    };

    /// <summary>
    /// kling-v3 (<c>kwaivgi/kling-v3-motion-control</c>): the same inputs as v2.6 (720p std, 1080p pro) [inferred: the
    /// same schema fields as v2.6 in the clients that run it; no element input is known on Replicate].
    /// </summary>
    public static MotionControlModelProfile KlingV3Profile { get; } = new()
    {
        Model = "kling-v3",
        Aliases = [ReplicateClient.KlingV3Model, "kling-v3-motion-control"],
        SupportsMode = true,
        SupportsKeepOriginalSound = true,
        VendorDefaultOrientation = CharacterOrientation.Image,
        Limits = Limits,
        IsInferred = true,
    };

    public static VendorDescriptor<ReplicateOptions, IReplicateRoutes> Descriptor { get; } = new()
    {
        Name = MotionControlProviders.Replicate,
        SectionName = "Replicate",
        Capabilities = new MotionControlCapabilities
        {
            ProviderName = MotionControlProviders.Replicate,
            DisplayName = "Replicate",
            DefaultModel = ReplicateClient.DefaultModel,
            Models = [ReplicateClient.DefaultModel, "kling-v3"],
            ModelProfiles = [KlingV26Profile, KlingV3Profile],
            ImageTransports = MediaTransport.Url | MediaTransport.DataUri,
            VideoTransports = MediaTransport.Url | MediaTransport.DataUri,
            MaxInlineMediaBytes = MaxInlineBytes,
            SupportsMode = true,
            SupportsKeepOriginalSound = true,
            SupportsCallback = true,
            SignsCallbacks = true,
            SupportsCancel = true,
            SupportsCostEstimate = true,
            SupportsBalance = false,
            SupportsList = false,
            ReportsProgress = false,
            VendorDefaultOrientation = CharacterOrientation.Image,
            Limits = Limits,
        },
        Statuses = VendorStatus.Map(
            ("starting", MotionControlTaskStatus.Queued),
            ("processing", MotionControlTaskStatus.Processing),
            ("succeeded", MotionControlTaskStatus.Succeeded),
            ("failed", MotionControlTaskStatus.Failed),
            ("canceled", MotionControlTaskStatus.Canceled),
            ("aborted", MotionControlTaskStatus.Canceled)),
        Secrets = static options => new SecretRedactor(options.ApiKey),
        Authenticator = static options => new BearerKeyAuthenticator(options.ApiKey!),
        Errors = ReplicateErrorPolicy.Instance,
        Routes = VendorHttpClients.Settings(ReplicateJsonContext.Default),
        BindSettings = static (options, section) =>
            options.CancelAfter = DependencyInjection.ConfigurationReader.TimeSpanValue(section, "CancelAfter") ?? options.CancelAfter,
    };
}
