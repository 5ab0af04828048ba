namespace MotionControl;

/// <summary>The stable provider names used by <see cref="IMotionControlClient.ProviderName"/>, configuration and keyed services.</summary>
public static class MotionControlProviders
{
    /// <summary>Kling's own API (legacy v1 contract).</summary>
    public const string Kling = "kling";

    /// <summary>PowerTokens, a Kling-compatible gateway.</summary>
    public const string PowerTokens = "powertokens";

    /// <summary>ModelsLab (key in the JSON body).</summary>
    public const string ModelsLab = "modelslab";

    /// <summary>AIMLAPI (AI/ML API).</summary>
    public const string AimlApi = "aimlapi";

    /// <summary>Vydra.</summary>
    public const string Vydra = "vydra";

    /// <summary>Replicate (<c>kwaivgi/kling-v2.6-motion-control</c>, <c>kwaivgi/kling-v3-motion-control</c>).</summary>
    public const string Replicate = "replicate";

    /// <summary>fal.ai (its queue API; <c>Authorization: Key</c>).</summary>
    public const string Fal = "fal";

    /// <summary>All provider names.</summary>
    public static IReadOnlyList<string> All { get; } = [Kling, PowerTokens, ModelsLab, AimlApi, Vydra, Replicate, Fal];
}
