namespace MotionControl;

/// <summary>Quality mode (Kling's <c>mode</c>: <c>std</c> or <c>pro</c>). Not every vendor lets you choose.</summary>
public enum GenerationMode
{
    /// <summary>Standard quality (<c>std</c>), cheaper and faster.</summary>
    Standard = 0,

    /// <summary>Professional quality (<c>pro</c>).</summary>
    Pro = 1,
}
