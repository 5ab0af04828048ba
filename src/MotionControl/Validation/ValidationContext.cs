using MotionControl.Media;

namespace MotionControl.Validation;

/// <summary>
/// Everything a rule may look at: the request, the vendor profile, and the facts probed from local media. A value: a
/// validation allocates no object for it.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Capabilities">The capability profile and limits of the request's model (the vendor's where the model has no profile).</param>
/// <param name="Image">Facts of the image when it was probed (local, or a URL checked remotely); <see langword="null"/> otherwise.</param>
/// <param name="Video">Facts of the video when it was probed (local, or a URL checked remotely); <see langword="null"/> otherwise.</param>
/// <param name="HasUploader">True when an media uploader can turn local media into URLs.</param>
internal readonly record struct ValidationContext(
    MotionControlRequest Request,
    MotionControlCapabilities Capabilities,
    MediaFacts? Image,
    MediaFacts? Video,
    bool HasUploader)
{
    /// <summary>The remote pre-flight of the image URL; <see langword="null"/> when it is local or was not requested.</summary>
    public Media.Remote.RemoteMediaCheck? ImageRemote { get; init; }

    /// <summary>The remote pre-flight of the video URL; <see langword="null"/> when it is local or was not requested.</summary>
    public Media.Remote.RemoteMediaCheck? VideoRemote { get; init; }

    /// <summary>How a URL that could not be checked is reported.</summary>
    public RemoteMediaValidation RemoteMode { get; init; } = RemoteMediaValidation.BestEffort;

    /// <summary>The vendor's capabilities across its models (what at least one model supports).</summary>
    public MotionControlCapabilities VendorCapabilities { get; init; } = Capabilities;

    /// <summary>The cost estimate of the request, where the vendor publishes a price; <see langword="null"/> otherwise.</summary>
    public MotionControlCostEstimate? CostEstimate { get; init; }

    /// <summary>The model the request is checked for: its own, else the client's default.</summary>
    public string Model { get; init; } = Request.Model ?? Capabilities.DefaultModel;

    public MotionControlLimits Limits => Capabilities.Limits;

    public string Vendor => Capabilities.DisplayName;

    /// <summary>Elements named by the request: <see cref="MotionControlRequest.Element"/> plus any passed through as <c>element_list</c>.</summary>
    public int ElementCount
    {
        get
        {
            var count = Request.Element is null ? 0 : 1;
            if (Request.AdditionalProperties is { } extra
                && extra.TryGetValue("element_list", out var list)
                && list is System.Text.Json.Nodes.JsonArray array)
            {
                count += array.Count;
            }

            return count;
        }
    }
}
