namespace MotionControl;

/// <summary>
/// What one model of a vendor supports, where that differs between the vendor's models (a quality mode, elements, the
/// sound flag, the orientation the vendor assumes, limits). Validation checks a request against the profile of the model
/// it names (or the client's default model); a model with no profile is checked against the vendor's capabilities.
/// </summary>
public sealed record MotionControlModelProfile
{
    /// <summary>The model id, as the request names it (for example <c>kling-v3</c>).</summary>
    public required string Model { get; init; }

    /// <summary>Other names of the same model (for example <c>kling-3.0</c>, its Kling API 2.0 name).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>True when <see cref="MotionControlRequest.Mode"/> can be chosen on this model.</summary>
    public bool SupportsMode { get; init; }

    /// <summary>True when an element (<see cref="MotionControlRequest.Element"/>) can be bound on this model.</summary>
    public bool SupportsElements { get; init; }

    /// <summary>True when <see cref="MotionControlRequest.KeepOriginalSound"/> can be chosen on this model.</summary>
    public bool SupportsKeepOriginalSound { get; init; }

    /// <summary>The orientation the vendor assumes for this model when none is sent (the SDK always sends one).</summary>
    public CharacterOrientation? VendorDefaultOrientation { get; init; }

    /// <summary>Limits of this model, where they differ from the vendor's; <see langword="null"/> uses the vendor's.</summary>
    public MotionControlLimits? Limits { get; init; }

    /// <summary>True when the vendor does not document this model and the SDK inferred it (from real clients).</summary>
    public bool IsInferred { get; init; }

    /// <summary>True when <paramref name="model"/> names this model (its id or an alias, ignoring case).</summary>
    /// <param name="model">A model id.</param>
    /// <returns>True on a match.</returns>
    public bool Names(string? model) =>
        model is not null && (string.Equals(model, Model, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(model, StringComparer.OrdinalIgnoreCase));
}
