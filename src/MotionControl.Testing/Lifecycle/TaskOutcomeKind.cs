namespace MotionControl.Testing;

/// <summary>How an emulated task ends.</summary>
public enum TaskOutcomeKind
{
    /// <summary>The task succeeds with <see cref="TaskOutcome.VideoCount"/> videos.</summary>
    Succeeded,

    /// <summary>The task fails with <see cref="TaskOutcome.Message"/> as its reason.</summary>
    Failed,

    /// <summary>The task fails because its input broke the vendor's content-safety policy (the vendor's risk-control wording).</summary>
    ContentPolicyViolation,
}
