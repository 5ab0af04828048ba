using MotionControl.Media;

namespace MotionControl.Validation;

/// <summary>
/// The one place the rules live: each row pairs the documented rule (code, limit, vendors, source) with its check.
/// Numbers come from <see cref="MotionControlLimits"/> on the vendor's profile, so a vendor override is one line there.
/// </summary>
internal static class RuleTable
{
    private const string All = "all";

    internal sealed record Entry(ValidationRule Rule, Func<ValidationContext, IEnumerable<MotionControlValidationError>> Check);

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        Row(MotionControlRules.ImageRequired, "Image", "A character image is given.", All, "S1", ImageRequired),
        Row(MotionControlRules.ImageUnreadable, "Image", "A local image exists and its headers can be read.", All, "limits.md pre-flight", c => Unreadable(c, c.Image, "Image", "character image", MotionControlRules.ImageUnreadable)),
        Row(MotionControlRules.ImageFormat, "Image", "Content is JPEG or PNG, sniffed from the bytes (not the file name).", All, "S1, S4", ImageFormat),
        Row(MotionControlRules.ImageSize, "Image", "At most 10 MB.", All, "S1, S4", ImageSize),
        Row(MotionControlRules.ImageDimensions, "Image", "Width and height each 300–65536 px; Replicate: 340–3850 px; fal: 340–3850 px, inferred.", All, "S1, S4, S2; https://replicate.com/kwaivgi/kling-v2.6-motion-control/api (image: dimensions 340px-3850px); fal: inferred from third-party clients (pocketpaw PR #2005)", ImageDimensions),
        Row(MotionControlRules.ImageAspect, "Image", "Width/height between 1:2.5 and 2.5:1 (0.4–2.5).", All, "S1, S4", ImageAspect),
        Row(MotionControlRules.ImageTransport, "Image", "Local bytes go as raw Base64 (Kling, PowerTokens) or Base64/data URI (AIMLAPI); Replicate takes a data URL up to 256 KB and stores larger files with its own files API; fal uploads them to its own storage; ModelsLab and Vydra take a URL only, so local bytes need an IMediaUploader.", "per vendor", "S1, S2, S4, S3; https://replicate.com/docs/reference/http (files: data URL <= 256kb)", c => Transport(c, c.Request.Image, c.Capabilities.ImageTransports, "Image", "character image", MotionControlRules.ImageTransport)),
        Row(MotionControlRules.VideoRequired, "Video", "A reference video is given.", All, "S1", VideoRequired),
        Row(MotionControlRules.VideoUnreadable, "Video", "A local video exists and its headers can be read.", All, "limits.md pre-flight", c => Unreadable(c, c.Video, "Video", "reference video", MotionControlRules.VideoUnreadable)),
        Row(MotionControlRules.VideoFormat, "Video", "Content is MP4 or QuickTime MOV (ISO-BMFF ftyp / QuickTime atoms).", All, "S0, S1, S4", VideoFormat),
        Row(MotionControlRules.VideoSize, "Video", "At most 100 MB.", All, "S0, S1, S4", VideoSize),
        Row(MotionControlRules.VideoDimensions, "Video", "Width and height each 340–3850 px, as displayed (after rotation).", All, "S0, S1, S4", VideoDimensions),
        Row(MotionControlRules.VideoDurationMin, "Video", "At least 3 s.", All, "S0, S1, S2, S4", VideoDurationMin),
        Row(MotionControlRules.VideoDurationMax, "Video", "At most 30 s with orientation video, at most 10 s with orientation image.", All, "S0, S1, S2, S3, S4", VideoDurationMax),
        Row(MotionControlRules.VideoTransport, "Video", "Kling, PowerTokens, ModelsLab and Vydra take a URL only (local files need an IMediaUploader); AIMLAPI also takes a data URI; Replicate a data URL up to 256 KB, larger files through its own files API; fal uploads local files to its own storage.", "per vendor", "S1, S2, S3, S4, S0; https://replicate.com/docs/reference/http (files: data URL <= 256kb)", c => Transport(c, c.Request.Video, c.Capabilities.VideoTransports, "Video", "reference video", MotionControlRules.VideoTransport)),
        Row(MotionControlRules.PromptLength, "Prompt", "At most 2500 characters.", All, "S1, S4", PromptLength),
        Row(MotionControlRules.PromptRequired, "Prompt", "A prompt is required.", "vydra, modelslab", "S3, vendor-contracts §2", PromptRequired),
        Row(MotionControlRules.ElementCount, "Element", "At most one element.", "kling, powertokens, fal", "S1, S4; fal: fal-js libs/client/src/types/endpoints.ts (KlingVideoV3ProMotionControlInput.elements: only 1)", ElementCount),
        Row(MotionControlRules.ElementModel, "Element", "An element needs a model that supports elements (kling-v3, kling-3.0); kling-v2-6 has none.", "kling, powertokens, fal", "https://kling.ai/document-api/api/video/motion-control (element: 3.0 only)", ElementModel),
        Row(MotionControlRules.ElementImages, "Element", "An element given by its images needs a vendor that builds elements from images; Kling and PowerTokens take an element id.", "kling, powertokens", "https://kling.ai/document-api/api/video/motion-control (element_id)", ElementImages),
        Row(MotionControlRules.ElementById, "Element", "fal builds an element from its images (frontal_image_url, reference_image_urls); an element id cannot be sent.", "fal", "fal-js libs/client/src/types/endpoints.ts (ElementInput)", ElementById),
        Row(MotionControlRules.ElementIdFormat, "Element", "Kling's legacy contract (and PowerTokens) take a numeric element id.", "kling (API V1), powertokens", "S1, S4", ElementIdFormat),
        Row(MotionControlRules.ElementOrientation, "CharacterOrientation", "With an element, the orientation must be video.", "kling, powertokens, fal", "S1, S4; fal: KlingVideoV3ProMotionControlInput.elements", ElementOrientation),
        Row(MotionControlRules.OptionUnsupported, "(any)", "A field the vendor or the request's model cannot honour (mode on AIMLAPI's v2.6 model and on Vydra, model on Vydra; element, watermark, callback, external id, sound flag where absent) is an error naming the vendor, never silently dropped.", "per vendor", "vendor-contracts §6", OptionUnsupported),
        Row(MotionControlRules.CostUnknown, "MaxCost", "A budget needs a vendor (and model) with a published price; elsewhere it is refused, never passed silently.", "per vendor", "docs/prices.md", CostUnknown),
        Row(MotionControlRules.CostBudget, "MaxCost", "The estimate's maximum (price × the reference's length, or the longest the orientation allows) is at most MaxCost.", "kling, vydra, replicate", "docs/prices.md", CostBudget),
        Row(MotionControlRules.UrlScheme, "Image, Video, CallbackUrl", "Remote media and callbacks are absolute http(s) URLs; AIMLAPI video needs https.", All, "S2", UrlScheme),
        Row(MotionControlRules.MediaUrlForbidden, "Image, Video", "A media URL read by the remote pre-flight reaches a public address only (no loopback, link-local, private, CGNAT, multicast or unspecified address, no name resolving to one, no redirect to one) unless its origin is in RemoteMediaAllowList or is the client's BaseAddress.", All, "issue #20 (SSRF guard); docs/configuration.md", MediaUrlForbidden),
        Row(MotionControlRules.MediaUrlUnchecked, "Image, Video", "A media URL whose headers cannot be read within the pre-flight's bounds (no size, no usable answer, timeout, budget) is a warning; with RemoteMediaValidation Strict, an error.", All, "issue #20 (remote pre-flight); docs/configuration.md", MediaUrlUncheckedStrict),
    ];

    private static Entry Row(string code, string field, string description, string appliesTo, string source, Func<ValidationContext, IEnumerable<MotionControlValidationError>> check) =>
        new(new ValidationRule { Code = code, Field = field, Description = description, AppliesTo = appliesTo, Source = source }, check);

    private static MotionControlValidationError Error(string field, string code, string message, string? limit = null, string? actual = null) =>
        new() { Field = field, Code = code, Message = message, Limit = limit, Actual = actual };

    private static IEnumerable<MotionControlValidationError> None => [];

    // A rule that needs probed facts only runs when the media is local, readable and of a supported format:
    // an unreadable or wrong-format file is reported once, by its own rule, not again by every size rule.
    private static MediaFacts? UsableImage(ValidationContext c) =>
        c.Image is { Problem: null, IsSupportedImage: true } facts ? facts : null;

    private static MediaFacts? UsableVideo(ValidationContext c) =>
        c.Video is { Problem: null, IsSupportedVideo: true } facts ? facts : null;

    private static string Name(MediaFacts facts, MediaSource? source) =>
        facts.SourceName ?? source?.ToString() ?? "the file";

    private static IEnumerable<MotionControlValidationError> MediaUrlForbidden(ValidationContext c)
    {
        List<MotionControlValidationError>? errors = null;
        void Check(Media.Remote.RemoteMediaCheck? check, MediaSource? source, string field, string what)
        {
            if (check is { Status: Media.Remote.RemoteMediaCheckStatus.Forbidden, Reason: var reason })
            {
                (errors ??= []).Add(Error(field, MotionControlRules.MediaUrlForbidden,
                    $"The {what} {source} is refused: {reason}. Only public addresses are fetched; add its origin to RemoteMediaAllowList if you trust it.",
                    "a public address", reason));
            }
        }

        Check(c.ImageRemote, c.Request.Image, "Image", "character image");
        Check(c.VideoRemote, c.Request.Video, "Video", "reference video");
        return errors ?? None;
    }

    private static IEnumerable<MotionControlValidationError> MediaUrlUncheckedStrict(ValidationContext c)
    {
        if (c.RemoteMode != RemoteMediaValidation.Strict)
        {
            return None;
        }

        List<MotionControlValidationError>? errors = null;
        foreach (var (field, message) in Unchecked(c))
        {
            (errors ??= []).Add(Error(field, MotionControlRules.MediaUrlUnchecked, message + " RemoteMediaValidation is Strict.", "checked remotely", "not checked"));
        }

        return errors ?? None;
    }

    /// <summary>The warnings of a validation: URLs not checked remotely under <see cref="RemoteMediaValidation.BestEffort"/>.</summary>
    public static List<MotionControlValidationWarning>? Warnings(ValidationContext c)
    {
        if (c.RemoteMode != RemoteMediaValidation.BestEffort)
        {
            return null;
        }

        List<MotionControlValidationWarning>? warnings = null;
        foreach (var (field, message) in Unchecked(c))
        {
            (warnings ??= []).Add(new MotionControlValidationWarning { Field = field, Code = MotionControlRules.MediaUrlUnchecked, Message = message });
        }

        return warnings;
    }

    private static IEnumerable<(string Field, string Message)> Unchecked(ValidationContext c)
    {
        if (c.ImageRemote is { Status: Media.Remote.RemoteMediaCheckStatus.Unchecked, Reason: var imageReason })
        {
            yield return ("Image", $"The character image {c.Request.Image} was not checked remotely: {imageReason}; the vendor will judge it.");
        }

        if (c.VideoRemote is { Status: Media.Remote.RemoteMediaCheckStatus.Unchecked, Reason: var videoReason })
        {
            yield return ("Video", $"The reference video {c.Request.Video} was not checked remotely: {videoReason}; the vendor will judge it.");
        }
    }

    private static IEnumerable<MotionControlValidationError> ImageRequired(ValidationContext c) =>
        c.Request.Image is null
            ? [Error("Image", MotionControlRules.ImageRequired, "A character image is required: set Image to a URL, file, bytes or stream.")]
            : None;

    private static IEnumerable<MotionControlValidationError> VideoRequired(ValidationContext c) =>
        c.Request.Video is null
            ? [Error("Video", MotionControlRules.VideoRequired, "A reference video is required: set Video to a URL, file, bytes or stream.")]
            : None;

    private static IEnumerable<MotionControlValidationError> Unreadable(ValidationContext c, MediaFacts? facts, string field, string what, string code)
    {
        if (facts?.Problem is not { } problem)
        {
            return None;
        }

        var source = field == "Image" ? c.Request.Image : c.Request.Video;
        return [Error(field, code, $"The {what} {Name(facts, source)} cannot be read: {problem}", actual: problem)];
    }

    private static IEnumerable<MotionControlValidationError> ImageFormat(ValidationContext c)
    {
        if (c.Image is not { Problem: null } facts || facts.IsSupportedImage)
        {
            return None;
        }

        var found = facts.Format == MediaFormat.Unknown ? "not a recognised image format" : FormatName(facts.Format);
        return [Error("Image", MotionControlRules.ImageFormat,
            $"The character image {Name(facts, c.Request.Image)} is {found}; {c.Vendor} accepts JPEG or PNG only (the format is read from the bytes, not the file name).",
            "JPEG or PNG", found)];
    }

    private static IEnumerable<MotionControlValidationError> VideoFormat(ValidationContext c)
    {
        if (c.Video is not { Problem: null } facts || facts.IsSupportedVideo)
        {
            return None;
        }

        var found = facts.Format == MediaFormat.Unknown ? "not a recognised video format" : FormatName(facts.Format);
        return [Error("Video", MotionControlRules.VideoFormat,
            $"The reference video {Name(facts, c.Request.Video)} is {found}; {c.Vendor} accepts MP4 or MOV only (the format is read from the bytes, not the file name).",
            "MP4 or MOV", found)];
    }

    private static string FormatName(MediaFormat format) => format switch
    {
        MediaFormat.Jpeg => "JPEG",
        MediaFormat.Png => "PNG",
        MediaFormat.Mp4 => "MP4",
        MediaFormat.QuickTime => "QuickTime MOV",
        MediaFormat.WebP => "WebP",
        MediaFormat.Gif => "GIF",
        MediaFormat.Heic => "HEIC/HEIF",
        MediaFormat.Avif => "AVIF",
        MediaFormat.Bmp => "BMP",
        MediaFormat.Tiff => "TIFF",
        MediaFormat.WebM => "WebM/Matroska",
        MediaFormat.Avi => "AVI",
        MediaFormat.MpegTs => "MPEG transport stream",
        _ => format.ToString(),
    };

    private static IEnumerable<MotionControlValidationError> ImageSize(ValidationContext c)
    {
        if (UsableImage(c) is not { ByteSize: { } size } facts || size <= c.Limits.ImageMaxBytes)
        {
            return None;
        }

        return [Error("Image", MotionControlRules.ImageSize,
            $"The character image {Name(facts, c.Request.Image)} is {ValidationText.Bytes(size)}; {c.Vendor} accepts at most {ValidationText.Bytes(c.Limits.ImageMaxBytes)}.",
            $"at most {ValidationText.Bytes(c.Limits.ImageMaxBytes)}", ValidationText.Bytes(size))];
    }

    private static IEnumerable<MotionControlValidationError> VideoSize(ValidationContext c)
    {
        if (UsableVideo(c) is not { ByteSize: { } size } facts || size <= c.Limits.VideoMaxBytes)
        {
            return None;
        }

        return [Error("Video", MotionControlRules.VideoSize,
            $"The reference video {Name(facts, c.Request.Video)} is {ValidationText.Bytes(size)}; {c.Vendor} accepts at most {ValidationText.Bytes(c.Limits.VideoMaxBytes)}.",
            $"at most {ValidationText.Bytes(c.Limits.VideoMaxBytes)}", ValidationText.Bytes(size))];
    }

    private static IEnumerable<MotionControlValidationError> ImageDimensions(ValidationContext c)
    {
        if (UsableImage(c) is not { Width: { } w, Height: { } h } facts)
        {
            return None;
        }

        var (min, max) = (c.Limits.ImageMinSide, c.Limits.ImageMaxSide);
        if (w >= min && w <= max && h >= min && h <= max)
        {
            return None;
        }

        return [Error("Image", MotionControlRules.ImageDimensions,
            $"The character image {Name(facts, c.Request.Image)} is {ValidationText.Pixels(w, h)}; {c.Vendor} needs each side between {min} and {max} px.",
            $"each side {min}–{max} px", ValidationText.Pixels(w, h))];
    }

    private static IEnumerable<MotionControlValidationError> VideoDimensions(ValidationContext c)
    {
        if (UsableVideo(c) is not { Width: { } w, Height: { } h } facts)
        {
            return None;
        }

        var (min, max) = (c.Limits.VideoMinSide, c.Limits.VideoMaxSide);
        if (w >= min && w <= max && h >= min && h <= max)
        {
            return None;
        }

        var rotated = facts.Rotation is 90 or 270 ? $" as displayed (rotated {facts.Rotation}°)" : string.Empty;
        return [Error("Video", MotionControlRules.VideoDimensions,
            $"The reference video {Name(facts, c.Request.Video)} is {ValidationText.Pixels(w, h)}{rotated}; {c.Vendor} needs each side between {min} and {max} px.",
            $"each side {min}–{max} px", ValidationText.Pixels(w, h))];
    }

    private static IEnumerable<MotionControlValidationError> ImageAspect(ValidationContext c)
    {
        if (UsableImage(c) is not { Width: { } w and > 0, Height: { } h and > 0 } facts)
        {
            return None;
        }

        // Compare w/h against the bounds by cross-multiplying in double: exact for every pixel count up to 65536,
        // so 2.5 passes and 2.51 fails without a tolerance.
        var (lo, hi) = (c.Limits.ImageMinAspectRatio, c.Limits.ImageMaxAspectRatio);
        if (w <= hi * h && w >= lo * h)
        {
            return None;
        }

        var ratio = (double)w / h;
        return [Error("Image", MotionControlRules.ImageAspect,
            $"The character image {Name(facts, c.Request.Image)} has an aspect ratio of {ValidationText.Number(ratio)} ({ValidationText.Pixels(w, h)}); {c.Vendor} needs width/height between {ValidationText.Number(lo)} and {ValidationText.Number(hi)} (1:2.5 to 2.5:1).",
            $"{ValidationText.Number(lo)}–{ValidationText.Number(hi)}", ValidationText.Number(ratio))];
    }

    private static IEnumerable<MotionControlValidationError> VideoDurationMin(ValidationContext c)
    {
        if (UsableVideo(c) is not { Duration: { } d } facts || d >= c.Limits.VideoMinDuration)
        {
            return None;
        }

        return [Error("Video", MotionControlRules.VideoDurationMin,
            $"The reference video {Name(facts, c.Request.Video)} is {ValidationText.Seconds(d)} long; {c.Vendor} needs at least {ValidationText.Seconds(c.Limits.VideoMinDuration)} of motion.",
            $"at least {ValidationText.Seconds(c.Limits.VideoMinDuration)}", ValidationText.Seconds(d))];
    }

    private static IEnumerable<MotionControlValidationError> VideoDurationMax(ValidationContext c)
    {
        if (UsableVideo(c) is not { Duration: { } d } facts)
        {
            return None;
        }

        var orientation = c.Request.CharacterOrientation;
        var max = orientation == CharacterOrientation.Image
            ? c.Limits.VideoMaxDurationWithImageOrientation
            : c.Limits.VideoMaxDurationWithVideoOrientation;
        if (d <= max)
        {
            return None;
        }

        var hint = orientation == CharacterOrientation.Image && d <= c.Limits.VideoMaxDurationWithVideoOrientation
            ? $" (orientation video allows up to {ValidationText.Seconds(c.Limits.VideoMaxDurationWithVideoOrientation)})"
            : string.Empty;
        return [Error("Video", MotionControlRules.VideoDurationMax,
            $"The reference video {Name(facts, c.Request.Video)} is {ValidationText.Seconds(d)} long; with orientation {ValidationText.Orientation(orientation)} {c.Vendor} accepts at most {ValidationText.Seconds(max)}{hint}.",
            $"at most {ValidationText.Seconds(max)}", ValidationText.Seconds(d))];
    }

    private static IEnumerable<MotionControlValidationError> Transport(ValidationContext c, MediaSource? source, MediaTransport accepted, string field, string what, string code)
    {
        if (source is null || source.IsRemote || c.HasUploader
            || (accepted & (MediaTransport.RawBase64 | MediaTransport.DataUri)) != 0)
        {
            return None;
        }

        return [Error(field, code,
            $"The {what} is {source}, but {c.Vendor} accepts a URL only. Pass MediaSource.FromUri(...) or configure an IMediaUploader that stores the file and returns its URL.",
            "a URL", source.Kind.ToString())];
    }

    private static IEnumerable<MotionControlValidationError> PromptLength(ValidationContext c)
    {
        if (c.Request.Prompt is not { } prompt || prompt.Length <= c.Limits.PromptMaxLength)
        {
            return None;
        }

        return [Error("Prompt", MotionControlRules.PromptLength,
            $"The prompt has {prompt.Length} characters; {c.Vendor} accepts at most {c.Limits.PromptMaxLength}.",
            $"at most {c.Limits.PromptMaxLength} characters", $"{prompt.Length} characters")];
    }

    private static IEnumerable<MotionControlValidationError> PromptRequired(ValidationContext c) =>
        c.Capabilities.RequiresPrompt && string.IsNullOrWhiteSpace(c.Request.Prompt)
            ? [Error("Prompt", MotionControlRules.PromptRequired, $"{c.Vendor} requires a prompt: describe the scene or the character.", "required", "empty")]
            : None;

    private static IEnumerable<MotionControlValidationError> ElementCount(ValidationContext c)
    {
        var count = c.ElementCount;
        if (!c.Capabilities.SupportsElements || count <= c.Limits.MaxElements)
        {
            return None;
        }

        return [Error("Element", MotionControlRules.ElementCount,
            $"The request names {count} elements; {c.Vendor} accepts at most {c.Limits.MaxElements}.",
            $"at most {c.Limits.MaxElements}", count.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static IEnumerable<MotionControlValidationError> ElementModel(ValidationContext c)
    {
        if (c.ElementCount == 0 || !c.VendorCapabilities.SupportsElements || c.Capabilities.SupportsElements)
        {
            return None;
        }

        var models = c.VendorCapabilities.ModelProfiles.Where(p => p.SupportsElements).Select(p => p.Model).ToList();
        return [Error("Element", MotionControlRules.ElementModel,
            $"{c.Vendor}'s model {c.Model} takes no element; use {string.Join(" or ", models)} (Model), or remove the element.",
            string.Join(", ", models), c.Model)];
    }

    private static IEnumerable<MotionControlValidationError> CostUnknown(ValidationContext c) =>
        c.Request.MaxCost is { } budget && c.CostEstimate is null
            ? [Error("MaxCost", MotionControlRules.CostUnknown,
                $"{c.Vendor} publishes no price the SDK can estimate {c.Model} from, so MaxCost cannot be checked; remove MaxCost or use a vendor with a published price.",
                "a published price", budget.ToString(System.Globalization.CultureInfo.InvariantCulture))]
            : None;

    private static IEnumerable<MotionControlValidationError> CostBudget(ValidationContext c) =>
        c.Request.MaxCost is { } budget && c.CostEstimate is { } estimate && estimate.Maximum > budget
            ? [Error("MaxCost", MotionControlRules.CostBudget,
                $"The job may cost up to {estimate.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)} {estimate.Unit}, above MaxCost {budget.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({estimate.Basis}).",
                $"at most {budget.ToString(System.Globalization.CultureInfo.InvariantCulture)} {estimate.Unit}", $"{estimate.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)} {estimate.Unit}")]
            : None;

    private static IEnumerable<MotionControlValidationError> ElementImages(ValidationContext c) =>
        c.Capabilities is { SupportsElements: true, SupportsImageElements: false } && c.Request.Element is { IsFromImages: true } element
            ? [Error("Element", MotionControlRules.ElementImages,
                $"{c.Vendor} takes an element by its id, not by images; create the element first (Kling: Api.CreateElementAsync) and pass MotionControlElement.FromId.",
                "an element id", element.ToString())]
            : None;

    private static IEnumerable<MotionControlValidationError> ElementById(ValidationContext c) =>
        c.Capabilities is { SupportsElements: true, SupportsElementIds: false } && c.Request.Element is { IsFromImages: false } element
            ? [Error("Element", MotionControlRules.ElementById,
                $"{c.Vendor} builds an element from pictures of the character, not from an id; pass MotionControlElement.FromImages(frontal, references...).",
                "an element from images", element.ToString())]
            : None;

    private static IEnumerable<MotionControlValidationError> ElementIdFormat(ValidationContext c) =>
        c.Capabilities is { SupportsElements: true, RequiresNumericElementIds: true } && c.Request.Element is { Id: not null, NumericId: null } element
            ? [Error("Element", MotionControlRules.ElementIdFormat,
                $"{c.Vendor} takes a numeric element id; '{element.Id}' is not one (Kling API 2.0 takes string ids: KlingOptions.ApiVersion = V2).",
                "a number", element.Id)]
            : None;

    private static IEnumerable<MotionControlValidationError> ElementOrientation(ValidationContext c) =>
        c.Capabilities.SupportsElements && c.ElementCount > 0 && c.Request.CharacterOrientation != CharacterOrientation.Video
            ? [Error("CharacterOrientation", MotionControlRules.ElementOrientation,
                $"With an element, {c.Vendor} only honours orientation video; set CharacterOrientation = Video or remove the element.",
                "video", "image")]
            : None;

    private static IEnumerable<MotionControlValidationError> OptionUnsupported(ValidationContext c)
    {
        var r = c.Request;
        var caps = c.Capabilities;

        // Made at the first error, so a request without any allocates no list.
        List<MotionControlValidationError>? errors = null;

        void Unsupported(bool isSet, bool supported, string field, string what, bool vendorSupports = false)
        {
            if (isSet && !supported)
            {
                // Another of the vendor's models may support it: say so, rather than send the caller to another vendor.
                var models = vendorSupports ? OtherModels(c, field) : null;
                (errors ??= []).Add(Error(field, MotionControlRules.OptionUnsupported,
                    models is { Length: > 0 }
                        ? $"{c.Vendor}'s model {c.Model} does not support {what}; use {models} (Model) or remove {field} (it is never dropped silently)."
                        : $"{c.Vendor} does not support {what}; remove {field} or use a vendor that does (it is never dropped silently).",
                    "not set", "set"));
            }
        }

        Unsupported(r.Model is not null, caps.SupportsModelChoice, "Model", "choosing a model (its route fixes the model)");
        Unsupported(r.Mode is not null, caps.SupportsMode, "Mode", "choosing a quality mode", c.VendorCapabilities.SupportsMode);
        Unsupported(r.KeepOriginalSound is not null, caps.SupportsKeepOriginalSound, "KeepOriginalSound", "choosing whether to keep the original sound", c.VendorCapabilities.SupportsKeepOriginalSound);

        // An element on a model without elements, at a vendor with elements, is element.model's.
        Unsupported(c.ElementCount > 0, c.VendorCapabilities.SupportsElements, "Element", "elements");
        Unsupported(r.Watermark is not null, caps.SupportsWatermark, "Watermark", "watermarks");
        Unsupported(r.CallbackUrl is not null, caps.SupportsCallback, "CallbackUrl", "callback URLs");
        Unsupported(r.ExternalTaskId is not null, caps.SupportsExternalTaskId, "ExternalTaskId", "your own task ids");
        return errors ?? None;
    }

    /// <summary>The vendor's models whose profile supports what <paramref name="field"/> asks for, joined with "or".</summary>
    private static string OtherModels(ValidationContext c, string field) =>
        string.Join(" or ", c.VendorCapabilities.ModelProfiles
            .Where(p => field switch
            {
                "Mode" => p.SupportsMode,
                "KeepOriginalSound" => p.SupportsKeepOriginalSound,
                _ => false,
            })
            .Select(p => p.Model));

    private static IEnumerable<MotionControlValidationError> UrlScheme(ValidationContext c)
    {
        // Made at the first error, as in OptionUnsupported.
        List<MotionControlValidationError>? errors = null;

        void Check(Uri? uri, string field, string what, bool httpsOnly)
        {
            if (uri is null)
            {
                return;
            }

            var ok = uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp));
            if (ok)
            {
                return;
            }

            var needed = httpsOnly ? "an absolute https URL" : "an absolute http or https URL";
            var found = uri.IsAbsoluteUri ? $"a {uri.Scheme} URL" : "a relative URL";
            (errors ??= []).Add(Error(field, MotionControlRules.UrlScheme,
                $"The {what} must be {needed} for {c.Vendor}; it is {found}.", needed, found));
        }

        Check(c.Request.Image?.Uri, "Image", "character image URL", httpsOnly: false);
        Check(c.Request.Video?.Uri, "Video", "reference video URL", c.Capabilities.RequiresHttpsVideoUrl);
        Check(c.Request.CallbackUrl, "CallbackUrl", "callback URL", httpsOnly: false);
        return errors ?? None;
    }
}
