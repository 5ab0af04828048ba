namespace MotionControl.Providers;

/// <summary>Maps a vendor's status word to the neutral status. Unknown words mean "still running", never an error.</summary>
internal static class VendorStatus
{
    /// <summary>Looks a word up case-insensitively; returns <see langword="false"/> (and <see cref="MotionControlTaskStatus.Processing"/>) for an unknown word.</summary>
    public static bool TryMap(string? word, IReadOnlyDictionary<string, MotionControlTaskStatus> map, out MotionControlTaskStatus status)
    {
        if (word is not null && map.TryGetValue(word.Trim(), out status))
        {
            return true;
        }

        status = MotionControlTaskStatus.Processing;
        return false;
    }

    public static Dictionary<string, MotionControlTaskStatus> Map(params (string Word, MotionControlTaskStatus Status)[] entries) =>
        entries.ToDictionary(e => e.Word, e => e.Status, StringComparer.OrdinalIgnoreCase);
}
