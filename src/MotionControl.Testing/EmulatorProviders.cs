namespace MotionControl.Testing;

/// <summary>
/// The provider names the emulator uses for scripting, faults and the request log. They are the same strings as
/// <c>MotionControl.MotionControlProviders</c> (this package does not reference the SDK).
/// </summary>
public static class EmulatorProviders
{
    /// <summary>Kling's own API: the legacy v1 contract (<c>/v1/videos/motion-control</c>) and API 2.0 (<c>/motion-control/kling-3.0|kling-2.6</c>, <c>/tasks</c>), one task store.</summary>
    public const string Kling = "kling";

    /// <summary>PowerTokens, a Kling gateway (<c>/kling/v1/videos/motion-control</c>).</summary>
    public const string PowerTokens = "powertokens";

    /// <summary>ModelsLab (<c>/api/v7/video-fusion/...</c>, key in the JSON body).</summary>
    public const string ModelsLab = "modelslab";

    /// <summary>AIMLAPI (<c>/v2/video/generations</c>).</summary>
    public const string AimlApi = "aimlapi";

    /// <summary>Vydra (<c>/api/v1/models/kling</c>, <c>/api/v1/jobs</c>).</summary>
    public const string Vydra = "vydra";

    /// <summary>Replicate (<c>/v1/models/kwaivgi/kling-v2.6-motion-control|kling-v3-motion-control/predictions</c>, <c>/v1/predictions</c>, <c>/v1/files</c>).</summary>
    public const string Replicate = "replicate";

    /// <summary>fal.ai (<c>/fal-ai/kling-video/...</c> queue routes, <c>/v1/account/billing</c>, <c>/storage/upload/initiate</c>).</summary>
    public const string Fal = "fal";

    /// <summary>
    /// Not a vendor: the name under which the synthetic download route (<c>/files/blob</c>) is logged and can be
    /// given faults. Result videos are logged under their vendor's name with <see cref="EmulatorOperation.Download"/>.
    /// </summary>
    public const string Files = "files";

    /// <summary>Gets the vendor names.</summary>
    public static IReadOnlyList<string> All { get; } = [Kling, PowerTokens, ModelsLab, AimlApi, Vydra, Replicate, Fal];
}
