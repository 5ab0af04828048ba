using System.Text.Json;

namespace MotionControl.Serialization;

/// <summary>
/// Reads text out of a parsed vendor body leniently: a string that is not valid UTF-8, or holds a lone surrogate escape,
/// is no text at all (<see langword="null"/>), instead of the <see cref="InvalidOperationException"/> that
/// <see cref="JsonElement.GetString"/> throws for it. Error bodies are read this way, so a garbled body still maps by
/// its status.
/// </summary>
internal static class JsonText
{
    /// <summary>The string value, or <see langword="null"/> when it is not a string or cannot be read as one.</summary>
    public static string? String(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
