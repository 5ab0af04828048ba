namespace MotionControl.Providers;

/// <summary>
/// Picks the value of a tolerant-reader property: the primary wire field, else its aliases in order. Used by the getters
/// of the wire DTOs, whose aliases are internal <c>[JsonInclude]</c> members filled by source generation while reading.
/// </summary>
internal static class WireAlias
{
    /// <summary>The first candidate that is not null, empty or white space; <see langword="null"/> when none is.</summary>
    public static string? Text(params ReadOnlySpan<string?> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
