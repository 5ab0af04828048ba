namespace MotionControl.Providers.Fal;

/// <summary>
/// fal's Kling Motion Control endpoints: one per model version and tier (the tier is in the path, there is no mode
/// field), all under the app <see cref="AppId"/> (https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-v2.6-standard.md).
/// </summary>
public static class FalModels
{
    /// <summary>The app id the status, result and cancel routes use: <c>fal-ai/kling-video</c>.</summary>
    public const string AppId = "fal-ai/kling-video";

    /// <summary><c>fal-ai/kling-video/v2.6/standard/motion-control</c>: <c>kling-v2-6</c>, standard tier.</summary>
    public const string KlingV26Standard = AppId + "/v2.6/standard/motion-control";

    /// <summary><c>fal-ai/kling-video/v2.6/pro/motion-control</c>: <c>kling-v2-6</c>, pro tier.</summary>
    public const string KlingV26Pro = AppId + "/v2.6/pro/motion-control";

    /// <summary><c>fal-ai/kling-video/v3/standard/motion-control</c>: <c>kling-v3</c>, standard tier (elements).</summary>
    public const string KlingV3Standard = AppId + "/v3/standard/motion-control";

    /// <summary><c>fal-ai/kling-video/v3/pro/motion-control</c>: <c>kling-v3</c>, pro tier (elements).</summary>
    public const string KlingV3Pro = AppId + "/v3/pro/motion-control";

    /// <summary>
    /// The endpoint of a neutral model (<c>kling-v2-6</c> or <c>kling-3.0</c>-style aliases) and tier: <see cref="GenerationMode.Pro"/>
    /// is the pro endpoint, anything else the standard one.
    /// </summary>
    /// <param name="model">A neutral model name: <see cref="FalClient.DefaultModel"/>, <see cref="FalClient.KlingV3Model"/>, or an alias.</param>
    /// <param name="mode">The tier; <see langword="null"/> is standard.</param>
    /// <returns>The endpoint id, or <see langword="null"/> for a model fal does not sell here.</returns>
    public static string? EndpointFor(string? model, GenerationMode? mode)
    {
        var pro = mode == GenerationMode.Pro;
        return FalVendor.Descriptor.Capabilities.ProfileOf(model)?.Model switch
        {
            FalClient.DefaultModel => pro ? KlingV26Pro : KlingV26Standard,
            FalClient.KlingV3Model => pro ? KlingV3Pro : KlingV3Standard,
            _ => null,
        };
    }
}
