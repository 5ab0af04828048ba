using MotionControl.Media;

namespace MotionControl.Validation;

/// <summary>Everything a rule may look at: the request, the vendor profile, and the facts probed from local media.</summary>
/// <param name="Request">The request.</param>
/// <param name="Capabilities">The vendor's capability profile and limits.</param>
/// <param name="Image">Facts of the image when it is local and was probed; <see langword="null"/> for a remote URL.</param>
/// <param name="Video">Facts of the video when it is local and was probed; <see langword="null"/> for a remote URL.</param>
/// <param name="HasUploader">True when an media uploader can turn local media into URLs.</param>
internal sealed record ValidationContext(
    MotionControlRequest Request,
    MotionControlCapabilities Capabilities,
    MediaFacts? Image,
    MediaFacts? Video,
    bool HasUploader)
{
    public MotionControlLimits Limits => Capabilities.Limits;

    public string Vendor => Capabilities.DisplayName;

    /// <summary>Elements named by the request: <see cref="MotionControlRequest.ElementId"/> plus any passed through as <c>element_list</c>.</summary>
    public int ElementCount
    {
        get
        {
            var count = Request.ElementId is null ? 0 : 1;
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
