using System.Text.Json.Nodes;

namespace MotionControl;

/// <summary>
/// A Motion Control job: the character in <see cref="Image"/> performs the motion of <see cref="Video"/>.
/// Vendor clients validate it against every documented limit before sending it.
/// </summary>
public sealed record MotionControlRequest
{
    /// <summary>The character image: JPEG or PNG, at most 10 MB, each side 300–65536 px, aspect 1:2.5 to 2.5:1.</summary>
    public required MediaSource Image { get; init; }

    /// <summary>The reference video: MP4 or MOV, at most 100 MB, each side 340–3850 px, 3–30 s (3–10 s with <see cref="CharacterOrientation.Image"/>).</summary>
    public required MediaSource Video { get; init; }

    /// <summary>An optional text prompt, at most 2500 characters. Vydra and ModelsLab require one.</summary>
    public string? Prompt { get; init; }

    /// <summary>Which input decides the character's orientation. Always sent explicitly. Default <see cref="CharacterOrientation.Video"/>.</summary>
    public CharacterOrientation CharacterOrientation { get; init; } = CharacterOrientation.Video;

    /// <summary>Quality mode; <see langword="null"/> uses the vendor's default. Rejected by vendors without a mode (AIMLAPI, Vydra).</summary>
    public GenerationMode? Mode { get; init; }

    /// <summary>Keep the reference video's sound; <see langword="null"/> uses the vendor's default (keep).</summary>
    public bool? KeepOriginalSound { get; init; }

    /// <summary>
    /// An element (a reusable character) to bind, at most one; requires <see cref="CharacterOrientation.Video"/> and a model
    /// that supports elements (kling-v3 / kling-3.0). Kling and PowerTokens only; Kling's legacy contract needs a numeric id.
    /// </summary>
    public MotionControlElement? Element { get; init; }

    /// <summary>
    /// A numeric element id: the same as <see cref="Element"/> = <see cref="MotionControlElement.FromId"/>(the number). Reads
    /// <see langword="null"/> when <see cref="Element"/> is not set or its id is not a number.
    /// </summary>
    public long? ElementId
    {
        get => Element?.NumericId;
        init => Element = value is { } id ? MotionControlElement.FromId(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>
    /// The most this job may cost, in the unit of the vendor's estimate (Kling: units; Vydra: credits). Validation refuses
    /// the request (rule <c>cost.budget</c>) when the estimate's maximum is above it, and (rule <c>cost.unknown</c>) when the
    /// vendor publishes no price to check it against: a budget is never passed silently.
    /// </summary>
    public decimal? MaxCost { get; init; }

    /// <summary>The vendor's model id, overriding the client's default (for example <c>kling-v3</c>).</summary>
    public string? Model { get; init; }

    /// <summary>A URL the vendor calls when the task changes, where supported.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>
    /// Your own unique id for the task, where the vendor supports one (Kling, PowerTokens). When you give none,
    /// those clients generate one so a lost reply can be recovered without submitting twice.
    /// </summary>
    public string? ExternalTaskId { get; init; }

    /// <summary>Ask for a watermarked copy of the result, where supported.</summary>
    public bool? Watermark { get; init; }

    /// <summary>Vendor fields the neutral model does not carry; merged into the request body as given (last writer wins).</summary>
    public IReadOnlyDictionary<string, JsonNode?>? AdditionalProperties { get; init; }
}
