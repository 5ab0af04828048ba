using MotionControl.Media;

namespace MotionControl.Validation;

/// <summary>
/// Everything a rule may look at: the request, the vendor profile, and the facts probed from local media. A value: a
/// validation allocates no object for it.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="Capabilities">The capability profile and limits of the request's model (the vendor's where the model has no profile).</param>
/// <param name="Image">Facts of the image when it is local and was probed; <see langword="null"/> for a remote URL.</param>
/// <param name="Video">Facts of the video when it is local and was probed; <see langword="null"/> for a remote URL.</param>
/// <param name="HasUploader">True when an media uploader can turn local media into URLs.</param>
internal readonly record struct ValidationContext(
    MotionControlRequest Request,
    MotionControlCapabilities Capabilities,
    MediaFacts? Image,
    MediaFacts? Video,
    bool HasUploader)
{
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
