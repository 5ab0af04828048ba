using MotionControl.Media;

namespace MotionControl;

/// <summary>
/// What one vendor supports and the limits it enforces: the profile the validation engine checks a request against.
/// A request field the vendor cannot honour is a validation error, never silently dropped.
/// </summary>
public sealed record MotionControlCapabilities
{
    /// <summary>The provider these capabilities describe.</summary>
    public required string ProviderName { get; init; }

    /// <summary>A human name for messages, for example "Kling" or "AIMLAPI".</summary>
    public required string DisplayName { get; init; }

    /// <summary>The model used when the request names none.</summary>
    public required string DefaultModel { get; init; }

    /// <summary>Models the vendor documents for Motion Control (others are passed through unchecked).</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>
    /// What each model supports where the vendor's models differ. The vendor-level flags (<see cref="SupportsMode"/>,
    /// <see cref="SupportsElements"/>, ...) say what at least one model supports; <see cref="ForModel"/> gives one model's.
    /// </summary>
    public IReadOnlyList<MotionControlModelProfile> ModelProfiles { get; init; } = [];

    /// <summary>How the character image may travel: URL, raw Base64, data URI.</summary>
    public MediaTransport ImageTransports { get; init; } = MediaTransport.Url;

    /// <summary>How the reference video may travel.</summary>
    public MediaTransport VideoTransports { get; init; } = MediaTransport.Url;

    /// <summary>
    /// The largest local file, in bytes, sent inline (<see cref="MediaTransport.DataUri"/> or <see cref="MediaTransport.RawBase64"/>);
    /// a larger one (or one of unknown length) goes through the client's <see cref="IMediaUploader"/>. <see langword="null"/>
    /// when the vendor sets no such limit. Replicate: 256 KB, its advice for data URLs.
    /// </summary>
    public long? MaxInlineMediaBytes { get; init; }

    /// <summary>True when a remote video URL must be https (AIMLAPI).</summary>
    public bool RequiresHttpsVideoUrl { get; init; }

    /// <summary>True when the vendor requires a prompt (Vydra, ModelsLab).</summary>
    public bool RequiresPrompt { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.Model"/> can be chosen (false where the vendor's route fixes the model, as on Vydra).</summary>
    public bool SupportsModelChoice { get; init; } = true;

    /// <summary>True when <see cref="MotionControlRequest.Mode"/> can be chosen.</summary>
    public bool SupportsMode { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.KeepOriginalSound"/> can be chosen.</summary>
    public bool SupportsKeepOriginalSound { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.Element"/> is accepted (on at least one model: see <see cref="ModelProfiles"/>).</summary>
    public bool SupportsElements { get; init; }

    /// <summary>True when an element may be given by its images (<see cref="MotionControlElement.FromImages"/>); Kling's own API takes ids only.</summary>
    public bool SupportsImageElements { get; init; }

    /// <summary>
    /// True when an element may be named by the vendor's id (<see cref="MotionControlElement.FromId"/>): every vendor with
    /// elements but fal, which builds the element from images only.
    /// </summary>
    public bool SupportsElementIds { get; init; } = true;

    /// <summary>True when element ids must be numbers (Kling's legacy contract, PowerTokens).</summary>
    public bool RequiresNumericElementIds { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.Watermark"/> is accepted.</summary>
    public bool SupportsWatermark { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.CallbackUrl"/> is accepted.</summary>
    public bool SupportsCallback { get; init; }

    /// <summary>
    /// True when the vendor signs its callbacks with Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>,
    /// <c>webhook-signature</c>; HMAC-SHA256 with a <c>whsec_</c> secret), so a callback can be trusted once
    /// <see cref="Webhooks.StandardWebhookVerifier"/> accepts it: Kling, Replicate. Other vendors' callbacks are a hint,
    /// to confirm by reading the task from the vendor.
    /// </summary>
    public bool SignsCallbacks { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.ExternalTaskId"/> is accepted and tasks can be looked up by it (safe re-submission).</summary>
    public bool SupportsExternalTaskId { get; init; }

    /// <summary>True when <see cref="IMotionControlClient.ListTasksAsync"/> is available.</summary>
    public bool SupportsList { get; init; }

    /// <summary>True when the vendor publishes a price the SDK estimates from (<see cref="IMotionControlClient.EstimateCostAsync"/>): Kling, Vydra.</summary>
    public bool SupportsCostEstimate { get; init; }

    /// <summary>True when <see cref="IMotionControlClient.GetBalanceAsync"/> reads the account's balance: Vydra, ModelsLab, AIMLAPI, Kling.</summary>
    public bool SupportsBalance { get; init; }

    /// <summary>True when <see cref="IMotionControlClient.CancelAsync"/> can ask the vendor to stop a task: Vydra, Replicate, fal (only before the task starts).</summary>
    public bool SupportsCancel { get; init; }

    /// <summary>True when the vendor reports progress in percent.</summary>
    public bool ReportsProgress { get; init; }

    /// <summary>The orientation the vendor assumes when none is sent (the SDK always sends one).</summary>
    public CharacterOrientation? VendorDefaultOrientation { get; init; }

    /// <summary>The numeric limits checked locally.</summary>
    public MotionControlLimits Limits { get; init; } = MotionControlLimits.Default;

    /// <summary>The profile of <paramref name="model"/> (its id or an alias), or <see langword="null"/> when it has none.</summary>
    /// <param name="model">A model id; <see langword="null"/> means <see cref="DefaultModel"/>.</param>
    /// <returns>The model's profile, or <see langword="null"/>.</returns>
    public MotionControlModelProfile? ProfileOf(string? model)
    {
        model ??= DefaultModel;
        foreach (var profile in ModelProfiles)
        {
            if (profile.Names(model))
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>
    /// These capabilities as they apply to <paramref name="model"/>: its profile's mode, element, sound-flag, orientation
    /// and limits, the vendor's for everything else (and for a model with no profile).
    /// </summary>
    /// <param name="model">A model id; <see langword="null"/> means <see cref="DefaultModel"/>.</param>
    /// <returns>The capabilities validation checks a request for that model against.</returns>
    public MotionControlCapabilities ForModel(string? model) =>
        ProfileOf(model) is not { } profile
            ? this
            : this with
            {
                SupportsMode = profile.SupportsMode,
                SupportsElements = profile.SupportsElements,
                SupportsKeepOriginalSound = profile.SupportsKeepOriginalSound,
                VendorDefaultOrientation = profile.VendorDefaultOrientation,
                Limits = profile.Limits ?? Limits,
            };
}
