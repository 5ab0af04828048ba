namespace MotionControl;

/// <summary>Which input decides the character's orientation in the output (Kling's <c>character_orientation</c>).</summary>
public enum CharacterOrientation
{
    /// <summary>Follow the reference video (<c>video</c>). Allows reference videos up to 30 s and elements.</summary>
    Video = 0,

    /// <summary>Keep the orientation of the character image (<c>image</c>). Reference videos up to 10 s.</summary>
    Image = 1,
}
