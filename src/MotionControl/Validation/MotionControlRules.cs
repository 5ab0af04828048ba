namespace MotionControl.Validation;

/// <summary>
/// The rule table: every documented limit the SDK checks before a request is sent, one row per rule, with its stable code,
/// limit and source (limits.md). Evaluated by every vendor client against that vendor's <see cref="MotionControlCapabilities"/>.
/// </summary>
public static class MotionControlRules
{
    /// <summary>The character image is missing.</summary>
    public const string ImageRequired = "image.required";

    /// <summary>The character image's bytes are JPEG or PNG.</summary>
    public const string ImageFormat = "image.format";

    /// <summary>The character image is at most 10 MB.</summary>
    public const string ImageSize = "image.size";

    /// <summary>The character image's width and height are each 300–65536 px.</summary>
    public const string ImageDimensions = "image.dimensions";

    /// <summary>The character image's width/height ratio is 0.4–2.5.</summary>
    public const string ImageAspect = "image.aspect";

    /// <summary>The character image can travel the way the vendor accepts (URL, raw Base64, data URI, or an uploader).</summary>
    public const string ImageTransport = "image.transport";

    /// <summary>The character image's headers could be read (not missing, truncated or corrupt).</summary>
    public const string ImageUnreadable = "image.unreadable";

    /// <summary>The reference video is missing.</summary>
    public const string VideoRequired = "video.required";

    /// <summary>The reference video's bytes are MP4 or QuickTime MOV.</summary>
    public const string VideoFormat = "video.format";

    /// <summary>The reference video is at most 100 MB.</summary>
    public const string VideoSize = "video.size";

    /// <summary>The reference video's displayed width and height are each 340–3850 px.</summary>
    public const string VideoDimensions = "video.dimensions";

    /// <summary>The reference video is at least 3 s long.</summary>
    public const string VideoDurationMin = "video.duration.min";

    /// <summary>The reference video is at most 30 s (orientation video) or 10 s (orientation image) long.</summary>
    public const string VideoDurationMax = "video.duration.max";

    /// <summary>The reference video can travel the way the vendor accepts.</summary>
    public const string VideoTransport = "video.transport";

    /// <summary>The reference video's headers could be read.</summary>
    public const string VideoUnreadable = "video.unreadable";

    /// <summary>The prompt is at most 2500 characters.</summary>
    public const string PromptLength = "prompt.length";

    /// <summary>The vendor requires a prompt.</summary>
    public const string PromptRequired = "prompt.required";

    /// <summary>At most one element.</summary>
    public const string ElementCount = "element.count";

    /// <summary>With an element, the orientation must be video.</summary>
    public const string ElementOrientation = "element.orientation";

    /// <summary>A field the vendor cannot honour was set.</summary>
    public const string OptionUnsupported = "option.unsupported";

    /// <summary>An element needs a model that supports elements (kling-v3 / kling-3.0).</summary>
    public const string ElementModel = "element.model";

    /// <summary>A <see cref="MotionControlRequest.MaxCost"/> at a vendor (or model) with no published price to check it against.</summary>
    public const string CostUnknown = "cost.unknown";

    /// <summary>The estimate's maximum is above <see cref="MotionControlRequest.MaxCost"/>.</summary>
    public const string CostBudget = "cost.budget";

    /// <summary>An element given by its images, at a vendor that takes element ids only.</summary>
    public const string ElementImages = "element.images";

    /// <summary>The contract takes numeric element ids only (Kling's legacy contract, PowerTokens).</summary>
    public const string ElementIdFormat = "element.id";

    /// <summary>An element given by its id at a vendor that builds elements from images only (fal).</summary>
    public const string ElementById = "element.byid";

    /// <summary>Remote media and callbacks are absolute http(s) URLs (https for AIMLAPI video).</summary>
    public const string UrlScheme = "url.scheme";

    /// <summary>A media URL the SSRF guard refuses (a non-public address, a name resolving to one, or a redirect to one).</summary>
    public const string MediaUrlForbidden = "media.url.forbidden";

    /// <summary>A media URL that could not be checked remotely: a warning, or an error with <see cref="RemoteMediaValidation.Strict"/>.</summary>
    public const string MediaUrlUnchecked = "media.url.unchecked";

    /// <summary>Every rule, in the order they are evaluated and reported.</summary>
    public static IReadOnlyList<ValidationRule> All { get; } = RuleTable.Entries.Select(e => e.Rule).ToArray();

    /// <summary>Finds a rule by its code.</summary>
    /// <param name="code">A rule code such as <c>video.size</c>.</param>
    /// <returns>The rule, or <see langword="null"/> if no rule has that code.</returns>
    public static ValidationRule? Find(string code) => All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal));
}
